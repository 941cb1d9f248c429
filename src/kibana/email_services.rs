//! nodemailer's well-known SMTP services, as Kibana's `.email` connector resolves them.
//!
//! Kibana maps a `service` other than `other`, `exchange_server` and `elastic_cloud` to an SMTP
//! host with `nodemailer/lib/well-known` and checks that host against
//! `xpack.actions.allowedHosts`; a service without a host is `[service] value '<service>' is not
//! valid`. The table is nodemailer **8.0.7**'s (`lib/well-known/services.json` at tag `v8.0.7`),
//! the version Kibana depends on. Later nodemailer versions add services (9.0.4 adds
//! `TurboSMTP` and `TurboSMTP-EU`), so update the table together with Kibana's dependency.

/// Every normalised key of nodemailer 8.0.7's well-known services (each service's name, aliases
/// and domains, normalised as [`normalize_key`] does) with the service's SMTP `host`, sorted by
/// key for binary search. `""` marks a service without a host (`Maildev`), which Kibana treats as
/// unknown (`entry.host || null`).
const SERVICES: &[(&str, &str)] = &[
    ("126", "smtp.126.com"),
    ("163", "smtp.163.com"),
    ("1und1", "smtp.1und1.de"),
    ("aliyun", "smtp.aliyun.com"),
    ("aliyun.com", "smtp.aliyun.com"),
    ("aliyunqiye", "smtp.qiye.aliyun.com"),
    ("aol", "smtp.aol.com"),
    ("aol.com", "smtp.aol.com"),
    ("aruba", "smtps.aruba.it"),
    ("aruba.it", "smtps.aruba.it"),
    ("arubapec", "smtps.aruba.it"),
    ("bluewin", "smtpauths.bluewin.ch"),
    ("bluewin.ch", "smtpauths.bluewin.ch"),
    ("bol", "smtp.bol.com.br"),
    ("bol.com.br", "smtp.bol.com.br"),
    ("brevo", "smtp-relay.brevo.com"),
    ("debugmail", "debugmail.io"),
    ("disroot", "disroot.org"),
    ("disroot.org", "disroot.org"),
    ("dynect", "smtp.dynect.net"),
    ("dynectemail", "smtp.dynect.net"),
    ("elasticemail", "smtp.elasticemail.com"),
    ("email.cz", "smtp.seznam.cz"),
    ("ethereal", "smtp.ethereal.email"),
    ("ethereal.email", "smtp.ethereal.email"),
    ("etik.com", "mail.infomaniak.com"),
    ("exmail.qq.com", "smtp.exmail.qq.com"),
    ("fastmail", "smtp.fastmail.com"),
    ("fastmail.fm", "smtp.fastmail.com"),
    ("fe", "smtp.forwardemail.net"),
    ("feishu", "smtp.feishu.cn"),
    ("feishumail", "smtp.feishu.cn"),
    ("forwardemail", "smtp.forwardemail.net"),
    ("forwardemail.net", "smtp.forwardemail.net"),
    ("gandi", "mail.gandi.net"),
    ("gandimail", "mail.gandi.net"),
    ("gmail", "smtp.gmail.com"),
    ("gmail.com", "smtp.gmail.com"),
    ("gmailworkspace", "smtp-relay.gmail.com"),
    ("gmx", "mail.gmx.com"),
    ("gmx.com", "mail.gmx.com"),
    ("gmx.de", "mail.gmx.com"),
    ("gmx.net", "mail.gmx.com"),
    ("godaddy", "smtpout.secureserver.net"),
    ("godaddyasia", "smtp.asia.secureserver.net"),
    ("godaddyeurope", "smtp.europe.secureserver.net"),
    ("googlemail", "smtp.gmail.com"),
    ("googlemail.com", "smtp.gmail.com"),
    ("googleworkspacemail", "smtp-relay.gmail.com"),
    ("hot.ee", "mail.hot.ee"),
    ("hotmail", "smtp-mail.outlook.com"),
    ("hotmail.com", "smtp-mail.outlook.com"),
    ("icloud", "smtp.mail.me.com"),
    ("ik.me", "mail.infomaniak.com"),
    ("ikmail.com", "mail.infomaniak.com"),
    ("infomaniak", "mail.infomaniak.com"),
    ("kolab", "smtp.kolabnow.com"),
    ("kolabnow", "smtp.kolabnow.com"),
    ("kolabnow.com", "smtp.kolabnow.com"),
    ("loopia", "mailcluster.loopia.se"),
    ("loops", "smtp.loops.so"),
    ("mac", "smtp.mail.me.com"),
    ("mac.com", "smtp.mail.me.com"),
    ("mail.ee", "smtp.mail.ee"),
    ("mail.ru", "smtp.mail.ru"),
    ("mailcatch.app", "sandbox-smtp.mailcatch.app"),
    ("maildev", ""),
    ("mailersend", "smtp.mailersend.net"),
    ("mailgun", "smtp.mailgun.org"),
    ("mailjet", "in.mailjet.com"),
    ("mailosaur", "mailosaur.io"),
    ("mailtrap", "live.smtp.mailtrap.io"),
    ("mandrill", "smtp.mandrillapp.com"),
    ("me", "smtp.mail.me.com"),
    ("me.com", "smtp.mail.me.com"),
    ("naver", "smtp.naver.com"),
    ("ohmysmtp", "smtp.ohmysmtp.com"),
    ("omb", "smtp.openmailbox.org"),
    ("one", "send.one.com"),
    ("openmailbox", "smtp.openmailbox.org"),
    ("openmailbox.org", "smtp.openmailbox.org"),
    ("outlook", "smtp-mail.outlook.com"),
    ("outlook.com", "smtp-mail.outlook.com"),
    ("outlook365", "smtp.office365.com"),
    ("pec.aruba.it", "smtps.aruba.it"),
    ("pm.me", "smtp.protonmail.ch"),
    ("post.cz", "smtp.seznam.cz"),
    ("postmark", "smtp.postmarkapp.com"),
    ("postmarkapp", "smtp.postmarkapp.com"),
    ("proton", "smtp.protonmail.ch"),
    ("proton.me", "smtp.protonmail.ch"),
    ("protonmail", "smtp.protonmail.ch"),
    ("protonmail.ch", "smtp.protonmail.ch"),
    ("protonmail.com", "smtp.protonmail.ch"),
    ("qiye.aliyun", "smtp.mxhichina.com"),
    ("qq", "smtp.qq.com"),
    ("qq.com", "smtp.qq.com"),
    ("qqenterprise", "smtp.exmail.qq.com"),
    ("qqex", "smtp.exmail.qq.com"),
    ("resend", "smtp.resend.com"),
    ("runbox", "smtp.runbox.com"),
    ("runbox.com", "smtp.runbox.com"),
    ("sendcloud", "smtp.sendcloud.net"),
    ("sendgrid", "smtp.sendgrid.net"),
    ("sendinblue", "smtp-relay.brevo.com"),
    ("sendpulse", "smtp-pulse.com"),
    ("ses", "email-smtp.us-east-1.amazonaws.com"),
    (
        "ses-ap-northeast-1",
        "email-smtp.ap-northeast-1.amazonaws.com",
    ),
    (
        "ses-ap-northeast-2",
        "email-smtp.ap-northeast-2.amazonaws.com",
    ),
    (
        "ses-ap-northeast-3",
        "email-smtp.ap-northeast-3.amazonaws.com",
    ),
    ("ses-ap-south-1", "email-smtp.ap-south-1.amazonaws.com"),
    (
        "ses-ap-southeast-1",
        "email-smtp.ap-southeast-1.amazonaws.com",
    ),
    (
        "ses-ap-southeast-2",
        "email-smtp.ap-southeast-2.amazonaws.com",
    ),
    ("ses-ca-central-1", "email-smtp.ca-central-1.amazonaws.com"),
    ("ses-eu-central-1", "email-smtp.eu-central-1.amazonaws.com"),
    ("ses-eu-north-1", "email-smtp.eu-north-1.amazonaws.com"),
    ("ses-eu-west-1", "email-smtp.eu-west-1.amazonaws.com"),
    ("ses-eu-west-2", "email-smtp.eu-west-2.amazonaws.com"),
    ("ses-eu-west-3", "email-smtp.eu-west-3.amazonaws.com"),
    ("ses-sa-east-1", "email-smtp.sa-east-1.amazonaws.com"),
    ("ses-us-east-1", "email-smtp.us-east-1.amazonaws.com"),
    ("ses-us-east-2", "email-smtp.us-east-2.amazonaws.com"),
    (
        "ses-us-gov-east-1",
        "email-smtp.us-gov-east-1.amazonaws.com",
    ),
    (
        "ses-us-gov-west-1",
        "email-smtp.us-gov-west-1.amazonaws.com",
    ),
    ("ses-us-west-1", "email-smtp.us-west-1.amazonaws.com"),
    ("ses-us-west-2", "email-smtp.us-west-2.amazonaws.com"),
    ("seznam", "smtp.seznam.cz"),
    ("seznam.cz", "smtp.seznam.cz"),
    ("seznamemail", "smtp.seznam.cz"),
    ("smtp2go", "mail.smtp2go.com"),
    ("sparkpost", "smtp.sparkpostmail.com"),
    ("sparkpost.com", "smtp.sparkpostmail.com"),
    ("sparkpostmail", "smtp.sparkpostmail.com"),
    ("spoluzaci.cz", "smtp.seznam.cz"),
    ("tipimail", "smtp.tipimail.com"),
    ("tuta.com", "smtp.tutanota.com"),
    ("tuta.io", "smtp.tutanota.com"),
    ("tutanota", "smtp.tutanota.com"),
    ("tutanota.com", "smtp.tutanota.com"),
    ("tutanota.de", "smtp.tutanota.com"),
    ("www.feishu.cn", "smtp.feishu.cn"),
    ("yahoo", "smtp.mail.yahoo.com"),
    ("yahoo.com", "smtp.mail.yahoo.com"),
    ("yandex", "smtp.yandex.ru"),
    ("yandex.ru", "smtp.yandex.ru"),
    ("zimbra", "smtp.zimbra.com"),
    ("zimbracollaboration", "smtp.zimbra.com"),
    ("zoho", "smtp.zoho.com"),
];

/// nodemailer's `normalizeKey(key.split('@').pop())`: the part after the last `@`, without any
/// character other than ASCII letters, digits, `.` and `-`, in lower case. So `"G mail"`,
/// `"GMAIL"` and `"x@gmail.com"` name the same service.
fn normalize_key(service: &str) -> String {
    let last = service.rsplit_once('@').map_or(service, |(_, last)| last);
    last.chars()
        .filter(|ch| ch.is_ascii_alphanumeric() || *ch == '.' || *ch == '-')
        .map(|ch| ch.to_ascii_lowercase())
        .collect()
}

/// The SMTP host of the nodemailer 8.0.7 well-known service that `service` names (by name, alias
/// or domain, or as an email address at one of its domains), or `None` when no service has that
/// name or the service has no host.
///
/// ```text
/// "Gmail", "G mail", "x@gmail.com"  → smtp.gmail.com
/// "outlook365"                      → smtp.office365.com
/// "Maildev", "nope"                 → None
/// ```
pub fn well_known_host(service: &str) -> Option<&'static str> {
    let key = normalize_key(service);
    let index = SERVICES
        .binary_search_by(|(name, _)| (*name).cmp(key.as_str()))
        .ok()?;
    SERVICES
        .get(index)
        .map(|(_, host)| *host)
        .filter(|host| !host.is_empty())
}

/// Kibana's `getServiceNameHost(service)`: `elastic_cloud` sends through `dockerhost`; any other
/// service is looked up with [`well_known_host`].
pub fn kibana_service_host(service: &str) -> Option<&'static str> {
    if service == "elastic_cloud" {
        Some("dockerhost")
    } else {
        well_known_host(service)
    }
}

#[cfg(test)]
mod tests {
    use super::{SERVICES, kibana_service_host, normalize_key, well_known_host};

    #[test]
    fn table_is_sorted_unique_and_complete() {
        assert_eq!(
            SERVICES.len(),
            148,
            "nodemailer 8.0.7 has 148 normalised keys"
        );
        for pair in SERVICES.windows(2) {
            if let [(before, _), (after, _)] = pair {
                assert!(before < after, "{before:?} must sort before {after:?}");
            }
        }
        for &(key, _) in SERVICES {
            assert_eq!(normalize_key(key), key, "{key:?} is not normalised");
        }
    }

    #[test]
    fn every_key_is_found_by_binary_search() {
        for &(key, host) in SERVICES {
            let expected = if host.is_empty() { None } else { Some(host) };
            assert_eq!(well_known_host(key), expected, "{key:?}");
        }
    }

    #[test]
    fn names_aliases_domains_and_addresses() {
        assert_eq!(well_known_host("gmail"), Some("smtp.gmail.com"));
        assert_eq!(well_known_host("Gmail"), Some("smtp.gmail.com"));
        assert_eq!(well_known_host("GMAIL"), Some("smtp.gmail.com"));
        assert_eq!(well_known_host("G mail"), Some("smtp.gmail.com"));
        assert_eq!(well_known_host("Google Mail"), Some("smtp.gmail.com"));
        assert_eq!(well_known_host("x@gmail.com"), Some("smtp.gmail.com"));
        assert_eq!(
            well_known_host("a@b@googlemail.com"),
            Some("smtp.gmail.com")
        );
        assert_eq!(well_known_host("outlook365"), Some("smtp.office365.com"));
        assert_eq!(well_known_host("Outlook"), Some("smtp-mail.outlook.com"));
        assert_eq!(
            well_known_host("ses"),
            Some("email-smtp.us-east-1.amazonaws.com")
        );
        assert_eq!(
            well_known_host("SES-EU-WEST-1"),
            Some("email-smtp.eu-west-1.amazonaws.com")
        );
        assert_eq!(well_known_host("Aruba PEC"), Some("smtps.aruba.it"));
        assert_eq!(well_known_host("qiye.aliyun"), Some("smtp.mxhichina.com"));
    }

    #[test]
    fn unknown_or_hostless_services() {
        assert_eq!(well_known_host("Maildev"), None);
        assert_eq!(well_known_host("unknown"), None);
        assert_eq!(well_known_host(""), None);
        assert_eq!(well_known_host("gmail@"), None);
        assert_eq!(
            well_known_host("TurboSMTP"),
            None,
            "added after nodemailer 8.0.7"
        );
        // Non-ASCII characters are dropped, not folded.
        assert_eq!(well_known_host("Gmäil"), None);
        assert_eq!(well_known_host("Gmaïl"), None);
        assert_eq!(well_known_host("gmail\u{e9}"), Some("smtp.gmail.com"));
    }

    #[test]
    fn kibana_maps_elastic_cloud_to_dockerhost() {
        assert_eq!(kibana_service_host("elastic_cloud"), Some("dockerhost"));
        // Only the exact id: anything else goes through nodemailer's lookup.
        assert_eq!(kibana_service_host("Elastic_Cloud"), None);
        assert_eq!(kibana_service_host("gmail"), Some("smtp.gmail.com"));
        assert_eq!(kibana_service_host("Maildev"), None);
        assert_eq!(kibana_service_host("other"), None);
    }
}
