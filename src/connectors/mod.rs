//! One module per connector type, named after its id (`.cases-webhook` → `cases_webhook`).

pub mod index;
