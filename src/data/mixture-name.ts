/** How a mixture's members are joined: `"+"` in keys, logs and the terminal, `" + "` in figure labels. */
export type MixtureSeparator = "+" | " + ";

/**
 * The name of a mixture: its members' names in the order given, joined by `separator`. One spelling for
 * the terminal, the run store's keys and logs (`"+"`), one for figures (`" + "`).
 *
 * @example
 * mixtureName(["mnist", "uci-digits"]);          // "mnist+uci-digits"
 * mixtureName(["mnist", "uci-digits"], " + ");   // "mnist + uci-digits"
 */
export function mixtureName(members: readonly string[], separator: MixtureSeparator = "+"): string {
  return members.join(separator);
}
