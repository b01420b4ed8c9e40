using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Development;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;

namespace TrainingHub.Pathways.Qualifications;

internal sealed record PositionLine(string Code, string NameUk, string NameEn, bool Described)
{
    public string Name(bool english) => english ? NameEn : NameUk;
}

/// <summary>A pathway stage that leads to the position.</summary>
internal sealed record LeadingStage(string TemplateCode, string PathwayUk, string PathwayEn, int Position, string StageUk, string StageEn);

/// <summary>Hours a year a position asks in one competency area.</summary>
internal sealed record AreaHours(CompetencyArea Area, int Hours);

/// <summary>Everything a position's qualification characteristics say, in both languages, gathered from where each part lives.</summary>
internal sealed record QualificationView(
    string Code, string NameUk, string NameEn, QualificationProfile? Profile, IReadOnlyList<AreaHours> Areas, IReadOnlyList<RequiredCompetency> Competencies,
    SupervisionFrequencyText Frequency, IReadOnlyList<LeadingStage> Stages, bool CanEdit)
{
    public string Name(bool english) => english ? NameEn : NameUk;
}

/// <summary>
/// The qualification characteristics of each position type: read by everyone (a volunteer sees what a social worker's
/// post asks), written by those who hold <see cref="PathwaysPermissions.QualificationsEdit"/>.
/// </summary>
internal sealed class QualificationProfiles(
    IDbContextFactory<PathwaysDbContext> dbFactory, IAccessControl access, ICurrentUser currentUser, IPositionTypes positions,
    IRoleProfileDirectory roleProfiles, ISupervisionFrequencyDirectory frequencies, DevelopmentAreas areas, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<PositionLine>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!access.HasPermission(PathwaysPermissions.Own))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var described = (await db.Qualifications.AsNoTracking().Select(q => q.PositionTypeId).ToListAsync(cancellationToken)).ToHashSet();
        return (await positions.ListAsync(cancellationToken)).Select(p => new PositionLine(p.Code, p.NameUk, p.NameEn, described.Contains(p.Id))).ToList();
    }

    public async Task<Result<QualificationView>> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        if (!access.HasPermission(PathwaysPermissions.Own))
        {
            return Error.Forbidden;
        }
        if ((await positions.ListAsync(cancellationToken)).FirstOrDefault(p => p.Code == code) is not { } position)
        {
            return Error.NotFound;
        }
        await using var db = dbFactory.CreateDbContext();
        var profile = await db.Qualifications.AsNoTracking().Include(q => q.Areas).FirstOrDefaultAsync(q => q.PositionTypeId == position.Id, cancellationToken);
        var named = (await areas.ListAsync(cancellationToken)).ToDictionary(a => a.Id);
        var asked = (profile?.Areas ?? []).Where(a => named.ContainsKey(a.AreaId)).Select(a => new AreaHours(named[a.AreaId], a.Hours))
            .OrderBy(a => a.Area.Code, StringComparer.Ordinal).ToList();
        var stages = await (
                from stage in db.Stages
                join template in db.Templates on stage.TemplateId equals template.Id
                where stage.PositionTypeCode == code
                select new LeadingStage(template.Code, template.NameUk, template.NameEn, stage.Position, stage.NameUk, stage.NameEn))
            .AsNoTracking().ToListAsync(cancellationToken);
        return new QualificationView(
            position.Code, position.NameUk, position.NameEn, profile, asked, await roleProfiles.ForPositionAsync(position.Id, cancellationToken),
            await frequencies.StandardForAsync(position.Id, cancellationToken),
            stages.OrderBy(s => s.TemplateCode, StringComparer.Ordinal).ThenBy(s => s.Position).ToList(),
            access.HasPermission(PathwaysPermissions.QualificationsEdit));
    }

    /// <summary>Writes a position's characteristics; <paramref name="version"/> is that of the profile read (null when there was none).</summary>
    public async Task<Result> SaveAsync(string code, QualificationInput input, Guid? version, CancellationToken cancellationToken = default)
    {
        if (!access.HasPermission(PathwaysPermissions.QualificationsEdit) || currentUser.UserId is not { } me)
        {
            return Error.Forbidden;
        }
        if ((await positions.ListAsync(cancellationToken)).FirstOrDefault(p => p.Code == code) is not { } position)
        {
            return Error.NotFound;
        }
        await using var db = dbFactory.CreateDbContext();
        var profile = await db.Qualifications.Include(q => q.Areas).FirstOrDefaultAsync(q => q.PositionTypeId == position.Id, cancellationToken);
        if (profile?.Version != version)
        {
            return Error.Conflict;
        }
        if (profile is null)
        {
            profile = new QualificationProfile { PositionTypeId = position.Id };
            db.Qualifications.Add(profile);
        }
        else
        {
            db.Entry(profile).Property(q => q.Version).OriginalValue = version!.Value;
        }
        var known = (await areas.ListAsync(cancellationToken)).Select(a => a.Id).ToHashSet();
        var written = profile.Write(input, known, me, clock.GetUtcNow());
        if (!written.Succeeded)
        {
            return written;
        }
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : Result.Success();
    }
}
