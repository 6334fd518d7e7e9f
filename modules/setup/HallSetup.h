#pragma once

#include "core/Result.h"
#include "setup/WorkstationConfig.h"

#include <QList>
#include <QObject>
#include <QString>

namespace ow::setup {

class WorkstationEnrolment;

/// A division for the picker: the code and its name.
struct Division
{
    QString code;
    QString name;
};

/// The first-run hall setup without widgets: which hall and counter this workstation is, whether it
/// enrols with a server or stays standalone, which catalogue it starts on. The setup dialog renders
/// it and sends the person's choices; save() writes them to the per-user settings.
class HallSetup : public QObject
{
    Q_OBJECT

public:
    enum class Connection
    {
        Standalone,
        Server,
    };
    enum class CatalogueSource
    {
        Synced, ///< the newest catalogue the sync installed
        Folder, ///< a folder chosen by hand (the demo catalogue is one)
    };

    /// `config` must outlive the setup; its values prefill the choices.
    HallSetup(WorkstationConfig &config, QString dataDirectory, QObject *parent = nullptr);
    ~HallSetup() override;

    static QList<Division> provinces();
    /// The divisions directly under `code` (prefectures of a province, counties of a prefecture).
    static QList<Division> divisionsUnder(const QString &code);
    /// "浙江省温州市鹿城区" for 330302.
    static QString divisionName(const QString &code);
    /// The codes from the province down to `code`: {330000, 330300, 330302}; empty when unknown.
    static QStringList divisionPath(const QString &code);

    const QString &division() const { return m_division; }
    void setDivision(const QString &code);
    const QString &hallSuffix() const { return m_suffix; }
    void setHallSuffix(const QString &suffix);
    /// The 8-character hall code of docs/case-number.md: division + suffix.
    QString hallCode() const { return m_division + m_suffix; }
    int counter() const { return m_counter; }
    void setCounter(int counter);

    Connection connection() const { return m_connection; }
    void setConnection(Connection connection);
    const QString &server() const { return m_server; }
    void setServer(const QString &server);
    const QString &enrolCode() const { return m_enrolCode; }
    void setEnrolCode(const QString &code);
    bool isEnrolled() const { return m_enrolled; }
    bool isEnrolling() const;
    /// Enrols on a thread of its own; enrolmentFinished tells the outcome. The hall and counter
    /// the server gives replace the typed ones.
    void enrol();

    CatalogueSource catalogueSource() const { return m_catalogueSource; }
    void setCatalogueSource(CatalogueSource source);
    /// The newest synced catalogue; empty when the sync installed none yet.
    const QString &syncedCatalogue() const { return m_synced; }
    const QString &catalogueFolder() const { return m_folder; }
    void setCatalogueFolder(const QString &folder);
    /// The folder the workstation will load.
    QString catalogue() const;

    /// The first thing that keeps the setup from being saved, in words; empty when ready.
    QString problem() const;
    /// Writes the choices to the per-user settings.
    Result<void> save();

Q_SIGNALS:
    void changed();
    void enrolmentFinished(bool enrolled, const QString &message);

private:
    void touch();

    WorkstationConfig &m_config;
    QString m_dataDirectory;
    QString m_division;
    QString m_suffix = QStringLiteral("01");
    int m_counter = 1;
    Connection m_connection = Connection::Standalone;
    QString m_server;
    QString m_enrolCode;
    bool m_enrolled = false;
    CatalogueSource m_catalogueSource = CatalogueSource::Folder;
    QString m_synced;
    QString m_folder;
    WorkstationEnrolment *m_enrolment = nullptr;
};

} // namespace ow::setup
