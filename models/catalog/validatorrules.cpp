#include "models/catalog/validatorrules.h"

#include "models/catalog/validator.h"

#include <string>

// The hot path (a valid entity) allocates nothing: every check runs on the UTF-8 bytes of the
// YamlTree through std::string_view, and QStrings are only built for the messages of problems.

namespace Gantry::Catalog {

namespace ValidatorRules {

namespace {

// ---------------------------------------------------------------------------------------------
// Character rules. One template serves std::string_view (UTF-8 bytes: any byte >= 0x80 is simply
// not an allowed character) and QStringView (UTF-16: same for any unit >= 0x80).

inline char16_t unitAt(std::string_view s, size_t i)
{
    return char16_t(static_cast<unsigned char>(s[i]));
}
inline char16_t unitAt(QStringView s, qsizetype i)
{
    return s[i].unicode();
}
inline size_t lengthOf(std::string_view s)
{
    return s.size();
}
inline size_t lengthOf(QStringView s)
{
    return size_t(s.size());
}

constexpr bool isLower(char16_t c)
{
    return c >= u'a' && c <= u'z';
}
constexpr bool isUpper(char16_t c)
{
    return c >= u'A' && c <= u'Z';
}
constexpr bool isDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}
constexpr bool isAlnum(char16_t c)
{
    return isLower(c) || isUpper(c) || isDigit(c);
}
constexpr bool isLowerAlnum(char16_t c)
{
    return isLower(c) || isDigit(c);
}
constexpr bool isTagChar(char16_t c)
{
    return isLowerAlnum(c) || c == u':' || c == u'+' || c == u'#';
}

// ^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$, 1-63 characters.
template<typename S>
bool objectNameImpl(S s)
{
    const size_t n = lengthOf(s);
    if (n < 1 || n > 63 || !isAlnum(unitAt(s, 0)) || !isAlnum(unitAt(s, n - 1))) {
        return false;
    }
    for (size_t i = 1; i + 1 < n; ++i) {
        const char16_t c = unitAt(s, i);
        if (!isAlnum(c) && c != u'-' && c != u'_' && c != u'.') {
            return false;
        }
    }
    return true;
}

// ^[a-z0-9]+(-[a-z0-9]+)*$ (or the tag alphabet [a-z0-9:+#]), 1-63 characters, on s[from, to).
template<typename S, typename IsChar>
bool dashSeparated(S s, size_t from, size_t to, IsChar isChar)
{
    const size_t n = to - from;
    if (n < 1 || n > 63) {
        return false;
    }
    bool previousDash = true; // no leading dash
    for (size_t i = from; i < to; ++i) {
        const char16_t c = unitAt(s, i);
        if (c == u'-') {
            if (previousDash) {
                return false;
            }
            previousDash = true;
        } else if (isChar(c)) {
            previousDash = false;
        } else {
            return false;
        }
    }
    return !previousDash;
}

template<typename S>
bool dnsLabel(S s, size_t from, size_t to)
{
    return dashSeparated(s, from, to, isLowerAlnum);
}

// 1-253 characters, '.'-separated DNS labels.
template<typename S>
bool dnsSubdomain(S s, size_t from, size_t to)
{
    if (to - from < 1 || to - from > 253) {
        return false;
    }
    size_t start = from;
    for (size_t i = from; i <= to; ++i) {
        if (i == to || unitAt(s, i) == u'.') {
            if (!dnsLabel(s, start, i)) {
                return false;
            }
            start = i + 1;
        }
    }
    return true;
}

// Backstage's isValidPrefixAndOrSuffix(value, '/', isValidDnsSubdomain, suffix).
template<typename S, typename Suffix>
bool prefixAndOrSuffix(S s, Suffix suffix)
{
    const size_t n = lengthOf(s);
    size_t slash = n;
    for (size_t i = 0; i < n; ++i) {
        if (unitAt(s, i) == u'/') {
            if (slash != n) {
                return false; // more than two parts
            }
            slash = i;
        }
    }
    if (slash == n) {
        return suffix(s, 0, n);
    }
    return dnsSubdomain(s, 0, slash) && suffix(s, slash + 1, n);
}

template<typename S>
bool objectNamePart(S s, size_t from, size_t to)
{
    return objectNameImpl(s.substr(from, to - from));
}
bool objectNamePart(QStringView s, size_t from, size_t to)
{
    return objectNameImpl(s.mid(qsizetype(from), qsizetype(to - from)));
}

template<typename S>
bool apiVersionPart(S s, size_t from, size_t to)
{
    if (to - from < 1 || to - from > 63) {
        return false;
    }
    for (size_t i = from; i < to; ++i) {
        if (!isAlnum(unitAt(s, i))) {
            return false;
        }
    }
    return true;
}

template<typename S>
bool apiVersionImpl(S s)
{
    return prefixAndOrSuffix(s, [](S v, size_t a, size_t b) { return apiVersionPart(v, a, b); });
}

template<typename S>
bool kindFormatImpl(S s)
{
    const size_t n = lengthOf(s);
    if (n < 1 || n > 63 || !(isLower(unitAt(s, 0)) || isUpper(unitAt(s, 0)))) {
        return false;
    }
    for (size_t i = 1; i < n; ++i) {
        if (!isAlnum(unitAt(s, i))) {
            return false;
        }
    }
    return true;
}

template<typename S>
bool namespaceFormatImpl(S s)
{
    return dnsLabel(s, 0, lengthOf(s));
}

template<typename S>
bool labelKeyImpl(S s)
{
    return prefixAndOrSuffix(s, [](S v, size_t a, size_t b) { return objectNamePart(v, a, b); });
}

template<typename S>
bool labelValueImpl(S s)
{
    return lengthOf(s) == 0 || objectNameImpl(s);
}

template<typename S>
bool tagFormatImpl(S s)
{
    return dashSeparated(s, 0, lengthOf(s), isTagChar);
}

} // namespace

bool objectName(std::string_view s)
{
    return objectNameImpl(s);
}

bool objectName(QStringView s)
{
    return objectNameImpl(s);
}

bool namespaceFormat(std::string_view s)
{
    return namespaceFormatImpl(s);
}

bool namespaceFormat(QStringView s)
{
    return namespaceFormatImpl(s);
}

bool labelKey(std::string_view s)
{
    return labelKeyImpl(s);
}

bool labelKey(QStringView s)
{
    return labelKeyImpl(s);
}

bool labelValue(std::string_view s)
{
    return labelValueImpl(s);
}

bool labelValue(QStringView s)
{
    return labelValueImpl(s);
}

bool tagFormat(std::string_view s)
{
    return tagFormatImpl(s);
}

bool tagFormat(QStringView s)
{
    return tagFormatImpl(s);
}

bool apiVersion(std::string_view s)
{
    return apiVersionImpl(s);
}

bool apiVersion(QStringView s)
{
    return apiVersionImpl(s);
}

bool kindFormat(std::string_view s)
{
    return kindFormatImpl(s);
}

bool kindFormat(QStringView s)
{
    return kindFormatImpl(s);
}

// WHATWG `new URL(value)` succeeds: a scheme, and for the special schemes a non-empty host
// without forbidden characters. Not a full URL parser: enough to catch relative paths,
// "www.example.com" and "https://" typos the way Backstage does.
bool urlFormat(std::string_view s)
{
    while (!s.empty() && static_cast<unsigned char>(s.front()) <= 0x20) {
        s.remove_prefix(1);
    }
    while (!s.empty() && static_cast<unsigned char>(s.back()) <= 0x20) {
        s.remove_suffix(1);
    }
    const size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || !(isLower(char16_t(s[0])) || isUpper(char16_t(s[0])))) {
        return false;
    }
    for (size_t i = 1; i < colon; ++i) {
        const char16_t c = char16_t(static_cast<unsigned char>(s[i]));
        if (!isAlnum(c) && c != u'+' && c != u'-' && c != u'.') {
            return false;
        }
    }
    std::string scheme(s.substr(0, colon));
    for (auto &c : scheme) {
        c = char(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (scheme != "http" && scheme != "https" && scheme != "ws" && scheme != "wss" && scheme != "ftp") {
        return true; // "file:", "mailto:x", "slack:…": anything after the scheme is accepted
    }
    std::string_view rest = s.substr(colon + 1);
    while (!rest.empty() && (rest.front() == '/' || rest.front() == '\\')) {
        rest.remove_prefix(1);
    }
    const size_t hostEnd = rest.find_first_of("/\\?#");
    std::string_view authority = rest.substr(0, hostEnd);
    const size_t at = authority.rfind('@');
    if (at != std::string_view::npos) {
        authority.remove_prefix(at + 1);
    }
    std::string_view host = authority;
    if (!host.empty() && host.front() == '[') {
        const size_t close = host.find(']');
        if (close == std::string_view::npos || close == 1) {
            return false;
        }
        host = host.substr(close + 1);
        if (host.empty()) {
            return true;
        }
        if (host.front() != ':') {
            return false;
        }
        authority = host;
        host = {};
    } else {
        const size_t portColon = host.find(':');
        if (portColon != std::string_view::npos) {
            host = host.substr(0, portColon);
        }
        if (host.empty()) {
            return false;
        }
        for (const char ch : host) {
            const auto c = static_cast<unsigned char>(ch);
            if (c <= 0x20 || c == 0x7f || std::string_view(" #%/:<>?@[\\]^|").find(ch) != std::string_view::npos) {
                return false;
            }
        }
    }
    const size_t portColon = authority.rfind(':');
    if (portColon != std::string_view::npos && authority.find(']') == std::string_view::npos) {
        const std::string_view port = authority.substr(portColon + 1);
        if (port.size() > 5) {
            return false;
        }
        int value = 0;
        for (const char ch : port) {
            if (ch < '0' || ch > '9') {
                return false;
            }
            value = value * 10 + (ch - '0');
        }
        if (value > 65535) {
            return false;
        }
    }
    return true;
}

// Suggestions for messages ("e.g. ...") — only run on the error path.

QString suggest(std::string_view in, Alphabet alphabet)
{
    std::string out;
    out.reserve(in.size());
    const bool lower =
        alphabet == Alphabet::DnsLabel || alphabet == Alphabet::DnsSubdomain || alphabet == Alphabet::Tag;
    bool pendingSeparator = false;
    for (const char ch : in) {
        char c = ch;
        if (lower && c >= 'A' && c <= 'Z') {
            c = char(c + 32);
        }
        const auto u = char16_t(static_cast<unsigned char>(c));
        bool keep = false;
        switch (alphabet) {
        case Alphabet::ObjectName:
            keep = isAlnum(u) || (!out.empty() && (c == '_' || c == '.'));
            break;
        case Alphabet::DnsLabel:
            keep = isLowerAlnum(u);
            break;
        case Alphabet::DnsSubdomain:
            keep = isLowerAlnum(u) || (c == '.' && !out.empty() && out.back() != '.');
            break;
        case Alphabet::Tag:
            keep = isTagChar(u);
            break;
        case Alphabet::Kind:
            keep = isAlnum(u) && (!out.empty() || !isDigit(u));
            break;
        }
        if (keep) {
            if (pendingSeparator && !out.empty() && alphabet != Alphabet::Kind && out.back() != '.' && c != '.') {
                out += '-';
            }
            pendingSeparator = false;
            out += c;
        } else {
            pendingSeparator = true;
        }
    }
    auto trimEnd = [&] {
        while (!out.empty() && !isAlnum(char16_t(static_cast<unsigned char>(out.back()))) &&
               !(alphabet == Alphabet::Tag && isTagChar(char16_t(static_cast<unsigned char>(out.back()))))) {
            out.pop_back();
        }
    };
    trimEnd();
    const size_t max = alphabet == Alphabet::DnsSubdomain ? 253 : 63;
    if (out.size() > max) {
        out.resize(max);
        trimEnd();
    }
    return QString::fromUtf8(out.data(), qsizetype(out.size()));
}

QString fromUtf8(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace ValidatorRules

// Validator's public rule checks (validator.h): the same rules, on UTF-16.
using namespace ValidatorRules;

bool Validator::isValidObjectName(QStringView name)
{
    return objectName(name);
}

bool Validator::isValidNamespace(QStringView ns)
{
    return namespaceFormat(ns);
}

bool Validator::isValidLabelKey(QStringView key)
{
    return labelKey(key);
}

bool Validator::isValidLabelValue(QStringView value)
{
    return labelValue(value);
}

bool Validator::isValidAnnotationKey(QStringView key)
{
    return labelKey(key);
}

bool Validator::isValidTag(QStringView tag)
{
    return tagFormat(tag);
}

bool Validator::isValidApiVersion(QStringView version)
{
    return apiVersion(version);
}

bool Validator::isValidKind(QStringView kind)
{
    return kindFormat(kind);
}

bool Validator::isValidUrl(QStringView url)
{
    const QByteArray utf8 = url.toUtf8();
    return urlFormat(std::string_view(utf8.constData(), size_t(utf8.size())));
}

} // namespace Gantry::Catalog
