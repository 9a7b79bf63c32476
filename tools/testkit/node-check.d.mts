/** The major version of the repository's Node, from the root package.json's devDependency `node`. */
export const toolchainMajor: number;

/** Throws, naming both versions, unless this process runs on the repository's Node major. */
export default function setup(): void;
