using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Audit.Contracts;
using TrainingHub.Audit.Data;
using TrainingHub.Audit.Domain;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Audit.Services;

/// <summary>Writes events to the audit table, naming the acting person when the event does not.</summary>
internal sealed class AuditTrail(
    IDbContextFactory<AuditDbContext> dbFactory, IActingUser actingUser, TimeProvider clock, ILogger<AuditTrail> logger)
    : IAuditTrail
{
    internal static readonly JsonSerializerOptions ChangesJson = new(JsonSerializerDefaults.Web);

    public Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) =>
        RecordAsync([auditEvent], cancellationToken);

    public async Task RecordAsync(IReadOnlyCollection<AuditEvent> auditEvents, CancellationToken cancellationToken = default)
    {
        if (auditEvents.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var actor = Acting();
        await using var db = dbFactory.CreateDbContext();
        db.Entries.AddRange(auditEvents.Select(e => ToEntry(e, e.Actor ?? actor, now)));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogDebug("Recorded {Count} audit entries", auditEvents.Count);
    }

    private AuditActor? Acting()
    {
        var principal = actingUser.Principal;
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        var id = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : (Guid?)null;
        var name = principal.FindFirstValue(AccountClaimTypes.FullName) ?? principal.Identity.Name ?? "?";
        return new AuditActor(id, name);
    }

    private static AuditEntry ToEntry(AuditEvent e, AuditActor? actor, DateTime now)
    {
        var actorName = Truncate(actor?.Name, AuditEntry.MaxNameLength);
        return new AuditEntry
        {
            AtUtc = now,
            Action = e.Action,
            ActorId = actor?.Id,
            ActorName = actorName,
            ActorSearch = actorName?.ToUpperInvariant(),
            Module = e.Module,
            EntityType = e.EntityType,
            EntityId = Truncate(e.EntityId, 200),
            UnitId = e.UnitId,
            Summary = Truncate(e.Summary, AuditEntry.MaxSummaryLength),
            Changes = e.Changes.Count == 0 ? null : JsonSerializer.Serialize(e.Changes, ChangesJson),
        };
    }

    private static string? Truncate(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..(length - 1)] + "…";
}
