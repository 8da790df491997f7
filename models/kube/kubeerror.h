#pragma once

#include <QString>

namespace Gantry::Kube {

// Why a request to a cluster failed, typed so that views can say exactly that ("unreachable",
// "401") instead of showing an empty list (Backstage #13792). `message` is translated, names the
// context and says what to do; `detail` is the raw text from the server or the network layer.
struct KubeError
{
    enum class Kind {
        None,
        Config,       // kubeconfig missing/invalid, unknown context, exec plugin failed
        Unreachable,  // connection refused, DNS, network down
        Timeout,      // no answer in time
        Tls,          // unknown CA, name mismatch, bad client certificate
        Unauthorized, // 401
        Forbidden,    // 403
        NotFound,     // 404
        Conflict,     // 409 (AlreadyExists or Conflict)
        Gone,         // 410 (Expired: watch or continue token too old)
        Invalid,      // 422
        Server,       // 5xx
        Malformed,    // the answer is not the JSON it should be
        Other         // any other HTTP status
    };

    Kind kind = Kind::None;
    int httpStatus = 0; // 0 when no HTTP answer arrived
    QString context;    // kube context (or cluster) name the request went to
    QString reason;     // Status.reason from the server ("NotFound", "Expired", ...)
    QString detail;     // server's Status.message or the network/TLS error text (not translated)
    QString message;    // translated, for people: what happened, where, and what to do

    bool isError() const { return kind != Kind::None; }
    // Stable lower-case name for JSON output and tests: "unreachable", "unauthorized", "tls", ...
    static QString kindName(Kind kind);
    QString kindName() const { return kindName(kind); }
    // Builds `message` from kind/context/detail (used by the client; exposed for tests and the CLI).
    static QString describe(Kind kind, const QString &context, const QString &detail, int httpStatus);
    // A complete error with its message; what the client and its watch streams report.
    static KubeError make(Kind kind, const QString &context, const QString &detail, int httpStatus,
                          const QString &reason = QString());
    // The kind an HTTP status maps to (401 Unauthorized, 5xx Server, ...).
    static Kind kindForStatus(int status);
};

} // namespace Gantry::Kube
