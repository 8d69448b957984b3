// Shim: danfojs-node requires '@tensorflow/tfjs-node', which cannot install offline.
// Re-export the pure tfjs package so both share one engine. Marked so backend detection can tell.
module.exports = require('@tensorflow/tfjs');
module.exports.__mergeToMixShim = true;
