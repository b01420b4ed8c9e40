using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Wellbeing.Anonymity;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Data;

namespace TrainingHub.Wellbeing.Reports;

/// <summary>The smallest group the reports show, and the version it was read at (null while the default applies).</summary>
internal sealed record MinimumGroup(int Minimum, Guid? Version);

/// <summary>The reports' minimum group: everyone who reads the reports is told it; administrators change it.</summary>
internal sealed class ReportSettingsService(IDbContextFactory<WellbeingDbContext> dbFactory, IAccessControl access, TimeProvider clock)
{
    public bool CanManage => access.HasPermission(WellbeingPermissions.ReportsSettings);

    public async Task<MinimumGroup> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var settings = await db.ReportSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return new MinimumGroup(AnonymityRules.Minimum(settings?.MinimumGroup), settings?.Version);
    }

    /// <summary>Sets the minimum (at least the floor); a change made since the version read is refused.</summary>
    public async Task<Result> SetAsync(int minimum, Guid? version, CancellationToken cancellationToken = default)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var settings = await db.ReportSettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            db.ReportSettings.Add(settings = new ReportSettings());
        }
        else if (version is not null)
        {
            db.Entry(settings).Property(s => s.Version).OriginalValue = version.Value;
        }
        else
        {
            return Error.Conflict;
        }
        if (settings.Change(minimum, clock.GetUtcNow()).Failed(out var invalid))
        {
            return invalid;
        }
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }
}
