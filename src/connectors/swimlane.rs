//! `.swimlane`: Swimlane, which creates records in a Swimlane application.

use crate::connector::{Connector, Rules};
use crate::model::{strict_object, string_enum};
use crate::zod::Nullable;

string_enum! {
    /// Which Kibana features the connector serves: alerts, cases, or both.
    pub enum SwimlaneConnectorType {
        /// Alerts and cases.
        All = "all",
        /// Alerts only.
        Alerts = "alerts",
        /// Cases only.
        Cases = "cases",
    }
}

strict_object! {
    /// One Swimlane field that a piece of Kibana data is written to.
    pub struct SwimlaneFieldMapping {
        /// The Swimlane field id.
        id: String,
        /// The Swimlane field key.
        key: String,
        /// The Swimlane field name.
        name: String,
        /// The Swimlane field type, e.g. `text` or `notes`.
        field_type as "fieldType": String,
    }
}

strict_object! {
    /// The Swimlane fields the connector writes to; every mapping may be left out (`null`).
    pub struct SwimlaneMappings {
        /// The field that receives the rule name.
        rule_name_config as "ruleNameConfig": Nullable<SwimlaneFieldMapping>,
        /// The field that receives the alert id.
        alert_id_config as "alertIdConfig": Nullable<SwimlaneFieldMapping>,
        /// The field that receives the case id.
        case_id_config as "caseIdConfig": Nullable<SwimlaneFieldMapping>,
        /// The field that receives the case name.
        case_name_config as "caseNameConfig": Nullable<SwimlaneFieldMapping>,
        /// The field that receives comments.
        comments_config as "commentsConfig": Nullable<SwimlaneFieldMapping>,
        /// The field that receives the severity.
        severity_config as "severityConfig": Nullable<SwimlaneFieldMapping>,
        /// The field that receives the description.
        description_config as "descriptionConfig": Nullable<SwimlaneFieldMapping>,
    }
}

strict_object! {
    /// Settings of a Swimlane connector.
    pub struct SwimlaneConfig {
        /// The address of your Swimlane instance, e.g. `https://swimlane.example.com`.
        api_url as "apiUrl": String,
        /// The id of the Swimlane application the records are created in.
        app_id as "appId": String,
        /// Which Kibana features the connector serves: `all`, `alerts` or `cases`.
        connector_type as "connectorType": SwimlaneConnectorType,
        /// Which Swimlane fields receive which data (`{}` maps nothing).
        mappings: SwimlaneMappings,
    }
}

strict_object! {
    /// Credentials of a Swimlane connector.
    pub struct SwimlaneSecrets {
        /// A Swimlane API token.
        api_token as "apiToken": String,
    }
}

/// The `.swimlane` connector type.
pub struct Swimlane;

impl Connector for Swimlane {
    type Config = SwimlaneConfig;
    type Secrets = SwimlaneSecrets;

    /// Kibana's `validateCommonConfig`: the allowed-hosts check of `apiUrl` (no URL parse). Nothing
    /// ties `connectorType` to the mappings at creation. The secrets validator is a no-op.
    fn check_config(config: &Self::Config, rules: &mut Rules) {
        rules.target_url_allowed(
            "/config/apiUrl",
            &config.api_url,
            "error configuring connector action: ",
        );
    }
}
