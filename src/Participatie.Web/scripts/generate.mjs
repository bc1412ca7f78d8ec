// Generates the TypeScript API client (protobuf-es messages and service descriptors for Connect-ES) from the
// platform's public contract, protos/participatie/v1, into src/gen (git-ignored: it is made at every build).
// buf compiles one folder as a module, so the contract and the few Google protos it needs (google.api for the
// JSON transcoding annotations, google.rpc for the rich error details) are copied into one first.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const work = join(root, "node_modules", ".proto-build");
const googleProtos = join(root, "node_modules", "google-proto-files");

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(join(root, "..", "..", "protos", "participatie"), join(work, "participatie"), {
  recursive: true,
  filter: (source) => !source.endsWith(".md"),
});
for (const file of ["google/api/annotations.proto", "google/api/http.proto", "google/rpc/error_details.proto", "google/rpc/status.proto"]) {
  mkdirSync(dirname(join(work, file)), { recursive: true });
  cpSync(join(googleProtos, file), join(work, file));
}
writeFileSync(join(work, "buf.yaml"), "version: v2\n");

const buf = join(root, "node_modules", ".bin", process.platform === "win32" ? "buf.cmd" : "buf");
execFileSync(buf, ["generate", work, "--template", join(root, "buf.gen.yaml")], { cwd: root, stdio: "inherit" });
