// The roles that have a workspace in this app, in the order the development sign-in offers them. A role is added
// here when its workspace is built.
export const workspaceRoles: readonly string[] = ["coach", "person", "team", "partner", "researcher", "admin"];
