using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Audit.Contracts;
using TrainingHub.Audit.Data;
using TrainingHub.Audit.Domain;
using TrainingHub.Audit.Home;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Audit.Services;

/// <summary>What the audit page filters by. Times are inclusive bounds in UTC.</summary>
internal sealed record AuditQuery(
    string? Person = null, string? Action = null, string? EntityType = null, string? EntityId = null, Guid? UnitId = null,
    DateTime? FromUtc = null, DateTime? ToUtc = null);

internal sealed record AuditRow(
    Guid Id, DateTime AtUtc, string Action, string? ActorName, string? Module, string? EntityType, string? EntityId,
    string? Unit, string? Summary, IReadOnlyList<AuditFieldChange> Changes);

/// <summary>Reading the trail: everything for those who may read it everywhere, otherwise what happened in their units.</summary>
internal sealed class AuditLog(IDbContextFactory<AuditDbContext> dbFactory, IAccessControl access, IOrganisationDirectory units, TimeProvider clock)
{
    public async Task<Result<Page<AuditRow>>> SearchAsync(AuditQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var scope = access.GetScope(AuditPermissions.View);
        if (scope.IsEmpty)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var entries = await VisibleAsync(db, scope, cancellationToken);
        if (query.UnitId is { } unitId)
        {
            var within = (await units.GetUnitsInAsync(UnitScope.Under([unitId]), cancellationToken)).Select(u => u.Id).ToList();
            entries = entries.Where(e => e.UnitId != null && within.Contains(e.UnitId.Value));
        }
        if (!string.IsNullOrWhiteSpace(query.Person))
        {
            var term = query.Person.Trim().ToUpperInvariant();
            entries = entries.Where(e => e.ActorSearch != null && e.ActorSearch.Contains(term));
        }
        if (!string.IsNullOrEmpty(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }
        if (!string.IsNullOrEmpty(query.EntityType))
        {
            entries = entries.Where(e => e.EntityType == query.EntityType);
        }
        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            entries = entries.Where(e => e.EntityId == query.EntityId.Trim());
        }
        if (query.FromUtc is { } from)
        {
            entries = entries.Where(e => e.AtUtc >= from);
        }
        if (query.ToUtc is { } to)
        {
            entries = entries.Where(e => e.AtUtc <= to);
        }
        return await PageOfAsync(entries, page, cancellationToken);
    }

    /// <summary>
    /// The security events of the last <paramref name="days"/>, latest first: failed sign-ins (lock-outs among them), permission and role changes,
    /// two-factor and lock-out changes to an account, and API tokens made or revoked.
    /// </summary>
    public async Task<Result<Page<AuditRow>>> SecurityEventsAsync(int days, int take, CancellationToken cancellationToken = default)
    {
        var scope = access.GetScope(AuditPermissions.View);
        if (scope.IsEmpty)
        {
            return Error.Forbidden;
        }
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        await using var db = dbFactory.CreateDbContext();
        var entries = (await VisibleAsync(db, scope, cancellationToken)).Where(e => e.AtUtc >= since).Where(SecurityEvents.Entries);
        return await PageOfAsync(entries, new PageRequest(0, take), cancellationToken);
    }

    /// <summary>Everything for those who may read the trail everywhere; otherwise what happened in their units.</summary>
    private async Task<IQueryable<AuditEntry>> VisibleAsync(AuditDbContext db, UnitScope scope, CancellationToken cancellationToken)
    {
        var entries = db.Entries.AsNoTracking();
        if (!scope.IsEverywhere)
        {
            var visible = (await units.GetUnitsInAsync(scope, cancellationToken)).Select(u => u.Id).ToList();
            entries = entries.Where(e => e.UnitId != null && visible.Contains(e.UnitId.Value));
        }
        return entries;
    }

    private async Task<Page<AuditRow>> PageOfAsync(IQueryable<AuditEntry> entries, PageRequest page, CancellationToken cancellationToken)
    {
        var total = await entries.CountAsync(cancellationToken);
        var rows = await entries.OrderByDescending(e => e.AtUtc).ThenBy(e => e.Id).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        var unitIds = rows.Where(r => r.UnitId != null).Select(r => r.UnitId!.Value).Distinct().ToList();
        var unitNames = (await units.FindManyAsync(unitIds, cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
        return new Page<AuditRow>(rows.Select(r => new AuditRow(
                r.Id, r.AtUtc, r.Action, r.ActorName, r.Module, r.EntityType, r.EntityId,
                r.UnitId is { } u ? unitNames.GetValueOrDefault(u) : null, r.Summary,
                r.Changes is null ? [] : JsonSerializer.Deserialize<List<AuditFieldChange>>(r.Changes, AuditTrail.ChangesJson) ?? []))
            .ToList(), total);
    }

    /// <summary>The kinds of entity the trail holds, for the filter.</summary>
    public async Task<IReadOnlyList<string>> GetEntityTypesAsync(CancellationToken cancellationToken = default)
    {
        if (!access.HasPermission(AuditPermissions.View))
        {
            return [];
        }
        await using var db = dbFactory.CreateDbContext();
        return await db.Entries.Where(e => e.EntityType != null).Select(e => e.EntityType!).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }
}
