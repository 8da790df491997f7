#include "ui/deploystyle.h"

#include "models/kube/deploymentinfo.h"

#include <QLabel>

namespace Gantry::Ui {

QColor DeployStyle::color(Tone tone)
{
    switch (tone) {
    case Tone::Ok:
        return QColor(0x16, 0xa3, 0x4a);
    case Tone::Info:
        return QColor(0x25, 0x63, 0xeb);
    case Tone::Warning:
        return QColor(0xd9, 0x77, 0x06);
    case Tone::Error:
        return QColor(0xdc, 0x26, 0x26);
    case Tone::Terminating:
        return QColor(0x93, 0x33, 0xea);
    case Tone::Muted:
        break;
    }
    return QColor(0x6b, 0x72, 0x80);
}

DeployStyle::Tone DeployStyle::podTone(const QString &category)
{
    if (category == QLatin1String("ok")) {
        return Tone::Ok;
    }
    if (category == QLatin1String("pending")) {
        return Tone::Warning;
    }
    if (category == QLatin1String("error")) {
        return Tone::Error;
    }
    if (category == QLatin1String("terminating")) {
        return Tone::Terminating;
    }
    return Tone::Muted; // completed, unknown
}

DeployStyle::Tone DeployStyle::conditionTone(const Kube::DeploymentCondition &condition)
{
    if (condition.status == QLatin1String("True")) {
        if (condition.type == QLatin1String("ReplicaFailure")) {
            return Tone::Error;
        }
        return condition.type == QLatin1String("Available") ? Tone::Ok : Tone::Info;
    }
    if (condition.status == QLatin1String("False")) {
        return condition.reason == QLatin1String("ProgressDeadlineExceeded") ? Tone::Error : Tone::Warning;
    }
    return Tone::Muted;
}

QLabel *DeployStyle::chip(const QString &text, Tone tone, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    setChip(label, text, tone);
    return label;
}

void DeployStyle::setChip(QLabel *label, const QString &text, Tone tone)
{
    const QColor c = color(tone);
    label->setText(text);
    label->setProperty("tone", int(tone));
    label->setStyleSheet(QStringLiteral("QLabel { border-radius: 9px; padding: 1px 8px; color: %1; "
                                        "background: rgba(%2,%3,%4,38); border: 1px solid rgba(%2,%3,%4,140); }")
                             .arg(c.darker(125).name())
                             .arg(c.red())
                             .arg(c.green())
                             .arg(c.blue()));
}

QString DeployStyle::plainToolTip(const QString &text)
{
    // Tool tips guess rich text (Qt::mightBeRichText): escape and say it is rich, so server text
    // such as "<b>" is shown as written.
    QString escaped = text.toHtmlEscaped();
    escaped.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return QStringLiteral("<qt>%1</qt>").arg(escaped);
}

} // namespace Gantry::Ui
