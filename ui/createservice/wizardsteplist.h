#pragma once

#include <QListWidget>
#include <QStringList>

namespace Gantry::Ui {

// The create-service wizard's left column: the numbered steps, the ones done checked, the current
// one highlighted, the ones to come muted. Not interactive.
class WizardStepList final : public QListWidget
{
    Q_OBJECT
public:
    explicit WizardStepList(QWidget *parent = nullptr);

    // `current` indexes `names`.
    void setSteps(const QStringList &names, int current);
    QStringList steps() const { return m_names; }
    int currentStep() const { return m_current; }

private:
    QStringList m_names;
    int m_current = 0;
};

} // namespace Gantry::Ui
