//! `.mcp`: MCP, which calls the tools of a Model Context Protocol server.
//! (Stub: the models are written in the issue for the AI, security and remaining types.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a MCP connector.
    pub struct McpConfig {}
}

strict_object! {
    /// Credentials of a MCP connector.
    pub struct McpSecrets {}
}

/// The `.mcp` connector type.
pub struct Mcp;

impl Connector for Mcp {
    type Config = McpConfig;
    type Secrets = McpSecrets;
}
