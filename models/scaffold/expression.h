#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <memory>

namespace Gantry::Scaffold {

// The `${{ … }}` expression language of Backstage templates: a small, side-effect-free subset of
// Nunjucks expressions. Mustache (kainjow, used for the `{{ name }}` form and sections) has no
// expressions, operators or filters with arguments, and Nunjucks itself is JavaScript, so this
// evaluator exists for the `${{ }}` form only. Supported:
//   literals ('text', "text", 12, 1.5, true, false, null, none, undefined, [a, b], {k: v});
//   paths (parameters.name, steps['id'].output.x, values.list[0]);
//   operators + - * / % ~, == != === !== < <= > >=, in, and or not (also && || !), a if b else c,
//   ( ) grouping; filters `x | f` and `x | f(args)`: parseRepoUrl, parseEntityRef, pick,
//   projectSlug, dump, lower, upper, capitalize, trim, replace, default (d), length, join, first,
//   last, string, int, float, safe.
// Values are JSON values; results are data and are never parsed again (template syntax inside a
// value stays inert). Evaluation never fails on missing data (undefined, as in Nunjucks), only on
// type errors such as a filter given the wrong argument.
class Expression final
{
public:
    struct Node;

    Expression();
    ~Expression();
    Expression(const Expression &other);
    Expression &operator=(const Expression &other);

    // Parses the text between `${{` and `}}`. On failure returns an invalid expression and sets
    // *error (and *errorOffset, 0-based in `text`).
    static Expression parse(const QString &text, QString *error, int *errorOffset = nullptr);
    bool isValid() const { return m_root != nullptr; }

    QJsonValue evaluate(const QJsonObject &context, QString *error = nullptr) const;
    // Root names read (parameters, steps, values, ...) and filters used, for load-time checks.
    QStringList rootNames() const;
    QStringList filters() const;

    // Template strings: literal text with `${{ expr }}` parts.
    static bool containsExpression(const QString &text);
    // A string that is exactly one `${{ expr }}` keeps the expression's JSON type (Backstage's
    // rule); otherwise every part is rendered as text (undefined/null as empty) and joined.
    static QJsonValue renderString(const QString &text, const QJsonObject &context, QString *error);
    // Renders every string inside a JSON value (objects and arrays recursively).
    static QJsonValue renderValue(const QJsonValue &value, const QJsonObject &context, QString *error);
    // Checks every `${{ }}` in `text` parses and uses only known filters. Returns false with the
    // first problem; *offset is where in `text` it is.
    static bool check(const QString &text, QString *error, int *offset = nullptr, QStringList *rootNames = nullptr);

    // Nunjucks/Backstage truthiness: false, undefined, null, "", 0, NaN and [] are false.
    static bool isTruthy(const QJsonValue &value);
    // How a value is written into text: strings as is, numbers without ".0", objects/arrays as JSON.
    static QString toText(const QJsonValue &value);

    static QStringList knownFilters();

private:
    std::shared_ptr<const Node> m_root;
};

} // namespace Gantry::Scaffold
