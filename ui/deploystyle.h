#pragma once

#include <QColor>
#include <QString>

class QLabel;
class QWidget;

namespace Gantry::Kube {
struct DeploymentCondition;
}

namespace Gantry::Ui {

// The deploy panel's colours and small pieces, in one place so that columns, chips and tables
// agree: green = healthy, blue = in progress, orange = waiting or degraded, red = failed,
// grey = gone or unknown (Lens' and Headlamp's meanings).
class DeployStyle final
{
public:
    enum class Tone { Ok, Info, Warning, Error, Muted, Terminating };

    static QColor color(Tone tone);
    // A pod's PodStatus::category(): "ok", "pending", "error", "completed", "terminating", "unknown".
    static Tone podTone(const QString &category);
    // Lens for True conditions (Available green, Progressing blue, ReplicaFailure red); Headlamp for
    // the rest (False orange, a missed progress deadline red, Unknown grey).
    static Tone conditionTone(const Kube::DeploymentCondition &condition);

    // A rounded chip label (plain text) with a tooltip shown as plain text.
    static QLabel *chip(const QString &text, Tone tone, QWidget *parent);
    static void setChip(QLabel *label, const QString &text, Tone tone);
    // Server text (condition messages, event messages) as a tooltip that is never read as rich text.
    static QString plainToolTip(const QString &text);
};

} // namespace Gantry::Ui
