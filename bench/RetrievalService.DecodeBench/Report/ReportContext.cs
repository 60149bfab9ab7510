namespace RetrievalService.DecodeBench.Report;

/// <summary>When, where and how a <c>decoders</c> run happened.</summary>
internal sealed record ReportContext(
    DateTime StartedUtc, DateTime EndedUtc, string Command, MachineInfo Machine, string LoadAtStart, string LoadAtEnd, string LibraryVersions);
