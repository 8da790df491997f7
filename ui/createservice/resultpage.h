#pragma once

#include "models/scaffold/scaffoldtypes.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace Gantry::Ui {

// The wizard's last page. After success: what was created, with "Open in catalog", "Open
// folder" and "Copy clone URL", the template's output links and texts, and how long it took.
// After a failure: what failed, what exists (after the push), and Resume or Retry — the values
// are kept, so going back or retrying never means retyping.
class ResultPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ResultPage(QWidget *parent = nullptr);

    void setResult(const Scaffold::RunResult &result);
    // Whether the new entity is in the catalog yet (enables "Open in catalog").
    void setEntityAvailable(bool available);

    QLabel *headline() const { return m_headline; }
    QLabel *details() const { return m_details; }
    QPushButton *openEntityButton() const { return m_openEntity; }
    QPushButton *openFolderButton() const { return m_openFolder; }
    QPushButton *copyUrlButton() const { return m_copyUrl; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *skipDeployButton() const { return m_skipDeploy; }
    QTextBrowser *outputBrowser() const { return m_output; }

Q_SIGNALS:
    void openEntityRequested(const QString &ref);
    void retryRequested();               // resume when the result is resumable, else a fresh run
    void editRequested();                // back to the form, values kept
    void resumeWithoutDeployRequested(); // the staging deploy failed: finish without it

private:
    void openLink(const QUrl &url);

    Scaffold::RunResult m_result;
    bool m_entityAvailable = false;
    QLabel *m_icon;
    QLabel *m_headline;
    QLabel *m_details;
    QPushButton *m_openEntity;
    QPushButton *m_openFolder;
    QPushButton *m_copyUrl;
    QPushButton *m_retry;
    QPushButton *m_edit;
    QPushButton *m_skipDeploy;
    QTextBrowser *m_output;
    QLabel *m_copied;
};

} // namespace Gantry::Ui
