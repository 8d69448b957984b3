// Bring your own data: tasks from arrays, CSV, image folders and text folders; suites from tasks.
export { taskFromArrays, type TaskFromArraysOptions } from "./arrays";
export { taskFromCSV, type TaskFromCsvOptions } from "./csv";
export { checkImageSize, decodePng, type DecodedImage } from "./png";
export { encodePng, imageGrid } from "./png-encode";
export { decodePgm } from "./pgm";
export { taskFromImageFolder } from "./image-folder";
export { taskFromTextFolder } from "./text-folder";
export { makeSuite } from "./make-suite";
export { readRegularFile } from "./read-file";
