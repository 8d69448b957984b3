import { datasetsFromList, isDatasetConfigPath, readDatasetConfig } from "../data/user/dataset-config";
import { registerDatasetSuite } from "../data/user/dataset-suite";
import { stringOption, type ParsedArgs } from "./args";

/**
 * The suite a command runs on: `--suite NAME` (built-in or registered), `--suite FILE.json|.yaml` (a
 * dataset config), or `--data NAME=PATH,…` (your CSV files / image or text folders), alone or added to
 * the tasks of `--suite NAME`. Configs are read and checked here, before anything runs.
 *
 * @example
 * suiteFromArgs(parseArgs(["--suite", "vision8", "--data", "mine=scans/"]));   // "vision8-user"
 */
export function suiteFromArgs(a: ParsedArgs, fallback = "vision8"): string {
  const suite = stringOption(a, "suite");
  const data = stringOption(a, "data");
  if (suite && isDatasetConfigPath(suite)) {
    const name = registerDatasetSuite(readDatasetConfig(suite));
    return data
      ? registerDatasetSuite(
          datasetsFromList(data, { labelColumn: stringOption(a, "label-column"), base: [name], name: `${name}-user` }),
        )
      : name;
  }
  if (data)
    return registerDatasetSuite(
      datasetsFromList(data, {
        labelColumn: stringOption(a, "label-column"),
        base: suite ? [suite] : [],
        name: suite ? `${suite}-user` : "user",
      }),
    );
  return suite ?? fallback;
}
