// Before any test file: the real consumers the suite hands its output to. Missing Debian
// packages are installed where apt-get may run (root or passwordless sudo); elsewhere the run
// stops here with the one command to run, instead of failing test by test.
import { ensureDebianPackages } from "../local/debian-packages.js";

export default function setup(): void {
  ensureDebianPackages({ binaries: ["prometheus", "promtool", "alertmanager", "amtool"], pythonClient: true }, (m) => console.log(`npm test: ${m}`));
}
