//! Workspace server functions. Every one that touches a workspace's data obtains a
//! `WorkspaceScope` first; the isolation test proves each one refuses outsiders.

pub mod audit;
#[cfg(feature = "ssr")]
pub mod ctx;
pub mod invitations;
pub mod members;
pub mod wizard;
pub mod workspaces;

pub use audit::*;
pub use invitations::*;
pub use members::*;
pub use wizard::*;
pub use workspaces::*;
