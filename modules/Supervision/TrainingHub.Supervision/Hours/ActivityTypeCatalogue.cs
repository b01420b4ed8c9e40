using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;

namespace TrainingHub.Supervision.Hours;

/// <summary>What a new activity type is called, in both languages.</summary>
internal sealed class ActivityTypeInput
{
    public string? NameUk { get; set; }

    public string? NameEn { get; set; }
}

/// <summary>The activity types everyone logs hours under: the built-in five, then those administrators added.</summary>
internal sealed class ActivityTypeCatalogue(IDbContextFactory<SupervisionDbContext> dbFactory, IAccessControl access, TimeProvider clock)
{
    public bool CanManage => access.HasPermission(SupervisionPermissions.ActivityTypesManage);

    public async Task<IReadOnlyList<ActivityTypeRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return (await db.ActivityTypes.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(t => !t.IsBuiltIn).ThenBy(t => t.SortOrder).ThenBy(t => t.CreatedAt)
            .Select(t => new ActivityTypeRow(t.Id, t.NameUk, t.NameEn, t.IsBuiltIn))
            .ToList();
    }

    /// <summary>Adds a type named in both languages; a name either language already uses is refused.</summary>
    public async Task<Result<Guid>> AddAsync(ActivityTypeInput input, CancellationToken cancellationToken = default)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        var (nameUk, nameEn) = (HoursRules.Clean(input.NameUk), HoursRules.Clean(input.NameEn));
        var errors = new List<FieldError>();
        await using var db = dbFactory.CreateDbContext();
        var existing = await db.ActivityTypes.AsNoTracking().ToListAsync(cancellationToken);
        CheckName(nameUk, nameof(ActivityTypeInput.NameUk), existing.Select(t => t.NameUk), errors);
        CheckName(nameEn, nameof(ActivityTypeInput.NameEn), existing.Select(t => t.NameEn), errors);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        var type = new ActivityType
        {
            NameUk = nameUk!, NameEn = nameEn!, SortOrder = existing.Count == 0 ? 1 : existing.Max(t => t.SortOrder) + 1, CreatedAt = clock.GetUtcNow(),
        };
        db.ActivityTypes.Add(type);
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : type.Id;
    }

    private static void CheckName(string? name, string field, IEnumerable<string> taken, List<FieldError> errors)
    {
        if (name is null)
        {
            errors.Add(new(field, "Hours:Error:NameRequired"));
        }
        else if (name.Length > ActivityType.MaxNameLength)
        {
            errors.Add(new(field, "Hours:Error:TooLong", ActivityType.MaxNameLength));
        }
        else if (taken.Any(t => string.Equals(t, name, StringComparison.CurrentCultureIgnoreCase)))
        {
            errors.Add(new(field, "Hours:Error:NameTaken"));
        }
    }
}
