#include "models/scaffold/scaffoldtypes.h"

#include <QJsonArray>
#include <QStringDecoder>

namespace Gantry::Scaffold {

bool RenderedFile::isBinary() const
{
    if (contents.left(8192).contains('\0')) {
        return true;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(contents);
    Q_UNUSED(text);
    return decoder.hasError();
}

QJsonObject RunState::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("template"), templateRef);
    o.insert(QStringLiteral("values"), values);
    o.insert(QStringLiteral("completedSteps"), QJsonArray::fromStringList(completedSteps));
    o.insert(QStringLiteral("stepOutputs"), stepOutputs);
    o.insert(QStringLiteral("existing"), QJsonArray::fromStringList(existing));
    o.insert(QStringLiteral("deployed"), deployed);
    return o;
}

RunState RunState::fromJson(const QJsonObject &object)
{
    RunState s;
    s.templateRef = object.value(QStringLiteral("template")).toString();
    s.values = object.value(QStringLiteral("values")).toObject();
    for (const QJsonValue &v : object.value(QStringLiteral("completedSteps")).toArray()) {
        s.completedSteps << v.toString();
    }
    s.stepOutputs = object.value(QStringLiteral("stepOutputs")).toObject();
    for (const QJsonValue &v : object.value(QStringLiteral("existing")).toArray()) {
        s.existing << v.toString();
    }
    s.deployed = object.value(QStringLiteral("deployed")).toBool();
    return s;
}

} // namespace Gantry::Scaffold
