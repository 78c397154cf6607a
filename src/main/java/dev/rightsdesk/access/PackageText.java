package dev.rightsdesk.access;

import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the access package's report. English in {@code messages/pkg_en.properties}, Dutch in {@code messages/pkg_nl.properties}. */
@MessageBundle(value = "pkg", locale = "en")
public interface PackageText {

    String reportTitle(String controller);
    String reportIntro(String received);
    String generatedOn(String date, String id);
    String contentsTitle();
    String youTitle();
    String emailLabel();
    String nameLabel();
    String identifiersLabel();
    String overviewTitle();
    String purposesTitle();
    String categoriesTitle();
    String recipientsTitle();
    String retentionTitle();
    String sourceTitle();
    String admTitle();
    String transfersTitle();
    String systemsTitle();
    String systemKind();
    String outcomeCompleted();
    String outcomeNotFound();
    String outcomeOther(String outcome);
    String dataTitle();
    String fieldHeader();
    String valueHeader();
    String noData();
    String noSystems();
    String none();
    String aiTitle();
    String aiIntro();
    String aiNone();
    String datasetsTitle();
    String datasetHeader();
    String versionHeader();
    String recordsHeader();
    String stateHeader();
    String systemHeader();
    String modelsTitle();
    String modelHeader();
    String trainedOnHeader();
    String remediationHeader();
    String dueHeader();
    String evidenceHeader();
    String runsTitle();
    String jobHeader();
    String runHeader();
    String startedHeader();
    String compliantHeader();
    String yes();
    String no();
    String rightsTitle();
    String rightRectify();
    String rightErase();
    String rightRestrict();
    String rightObject();
    String rightComplain(String authority, String url);
    String rightCourt();
    String rightHow(String url);
}
