using TrainingHub.Audit.Contracts;
using TrainingHub.SharedKernel.Export;

namespace TrainingHub.Workforce.Charts;

/// <summary>Every file the workforce pages hand out is recorded in the audit trail: what, of which area, under which name.</summary>
internal static class ExportAudit
{
    public static async Task<ExportedFile> RecordedAsync(this IAuditTrail audit, ExportedFile file, string what, Guid? unitId, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(new AuditEvent(AuditActions.Exported)
        {
            Module = "Workforce", EntityType = what, UnitId = unitId, Summary = file.FileName,
        }, cancellationToken);
        return file;
    }
}
