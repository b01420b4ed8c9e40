namespace TrainingHub.Audit.Contracts;

/// <summary>Stands in where the audit module is not part of the app (a module tested on its own).</summary>
public sealed class NullAuditTrail : IAuditTrail
{
    public Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task RecordAsync(IReadOnlyCollection<AuditEvent> auditEvents, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
