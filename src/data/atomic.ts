export { writeFileAtomic } from "../util/atomic";
