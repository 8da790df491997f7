#pragma once

#include "models/scaffold/formdescription.h"
#include "models/scaffold/scaffoldtypes.h"

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QLabel;
class QStackedWidget;
class QStandardItemModel;
class QTreeView;

namespace Gantry::Ui {

class CodeView;

// The wizard's review page: the values as they will be used, and every file the run will create
// (a dry run: nothing is written) as a tree, each file's contents highlighted beside it.
class ReviewPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ReviewPage(QWidget *parent = nullptr);

    // Shows "Rendering…" until setResult().
    void setPending(const Scaffold::FormDescription &form, const QJsonObject &values);
    // The dry run's outcome; a failed dry run shows its error in place of the files.
    void setResult(const Scaffold::RunResult &dryRun);
    bool isReady() const { return m_ready; }
    // "Deploy to staging once registered": shown when the template has a deploy step.
    void setDeployOffered(bool offered, const QString &environment);
    bool deployChosen() const;
    QCheckBox *deployCheckBox() const { return m_deploy; }

    // Selects a file by its path in the repository; false when it is not in the tree.
    bool showFile(const QString &path);
    QString shownFile() const { return m_shownPath; }
    // Every file path in the tree ("Dockerfile", ".github/workflows/ci.yaml", ...).
    QStringList filePaths() const;

    QTreeView *fileTree() const { return m_tree; }
    CodeView *codeView() const { return m_code; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *valuesLabel() const { return m_values; }
    // "Rendering…", or why the dry run failed.
    QLabel *messageLabel() const { return m_message; }

private:
    void showIndex(const QModelIndex &index);

    Scaffold::FileSet m_files;
    QString m_shownPath;
    bool m_ready = false;
    QLabel *m_summary;
    QCheckBox *m_deploy;
    QLabel *m_values;
    QStandardItemModel *m_model;
    QTreeView *m_tree;
    QLabel *m_filesTitle = nullptr;
    QStackedWidget *m_right;
    QLabel *m_fileHeader;
    CodeView *m_code;
    QLabel *m_message;
};

} // namespace Gantry::Ui
