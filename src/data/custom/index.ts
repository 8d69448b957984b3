// Bring your own data: tasks from arrays, CSV, image folders and text folders; suites from tasks.
export * from "./arrays";
export * from "./csv";
export * from "./png";
export * from "./png-encode";
export * from "./pgm";
export * from "./image-folder";
export * from "./text-folder";
export * from "./make-suite";
export * from "./read-file";
