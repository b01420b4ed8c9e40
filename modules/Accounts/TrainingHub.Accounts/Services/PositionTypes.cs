using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Accounts.Services;

internal sealed record PositionTypeRow(Guid Id, string Code, string NameUk, string NameEn, bool IsBuiltIn, int PeopleCount, bool WorksWithClients);

internal sealed class PositionTypeInput
{
    public string NameUk { get; set; } = "";
    public string NameEn { get; set; } = "";
    public bool WorksWithClients { get; set; } = true;
}

/// <summary>
/// The list of position types, which administrators extend (a "family assistant" where a region has one). Built-in
/// types stay; an added type can be removed while nobody holds it. Whether a type works with clients can be changed on
/// any type, built-in or added.
/// </summary>
internal sealed partial class PositionTypes(IDbContextFactory<AccountsDbContext> dbFactory, IAccessControl access)
{
    public const int MaxNameLength = 100;

    private bool Allowed => access.GetScope(AccountPermissions.PositionsManage).IsEverywhere;

    public async Task<Result<IReadOnlyList<PositionTypeRow>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!Allowed)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var rows = await db.PositionTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Code)
            .Select(t => new PositionTypeRow(t.Id, t.Code, t.NameUk, t.NameEn, t.IsBuiltIn, db.Users.Count(u => u.PositionTypeId == t.Id), t.WorksWithClients))
            .ToListAsync(cancellationToken);
        return rows;
    }

    public async Task<Result<Guid>> AddAsync(PositionTypeInput input, CancellationToken cancellationToken = default)
    {
        if (!Allowed)
        {
            return Error.Forbidden;
        }
        var nameUk = input.NameUk.Trim();
        var nameEn = input.NameEn.Trim();
        var errors = new List<FieldError>();
        foreach (var (field, value) in new[] { (nameof(input.NameUk), nameUk), (nameof(input.NameEn), nameEn) })
        {
            if (value.Length == 0)
            {
                errors.Add(new FieldError(field, "Positions:Error:NameRequired"));
            }
            else if (value.Length > MaxNameLength)
            {
                errors.Add(new FieldError(field, "Positions:Error:NameTooLong"));
            }
        }
        var code = Slug(nameEn);
        if (errors.Count == 0 && code.Length == 0)
        {
            errors.Add(new FieldError(nameof(input.NameEn), "Positions:Error:EnglishNameNeedsLetters"));
        }
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        await using var db = dbFactory.CreateDbContext();
        var existing = await db.PositionTypes.AsNoTracking().ToListAsync(cancellationToken);
        if (existing.Any(t => string.Equals(t.NameUk, nameUk, StringComparison.CurrentCultureIgnoreCase)))
        {
            errors.Add(new FieldError(nameof(input.NameUk), "Positions:Error:NameTaken"));
        }
        if (existing.Any(t => string.Equals(t.NameEn, nameEn, StringComparison.OrdinalIgnoreCase) || t.Code == code))
        {
            errors.Add(new FieldError(nameof(input.NameEn), "Positions:Error:NameTaken"));
        }
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        var type = new PositionType
        {
            Code = code, NameUk = nameUk, NameEn = nameEn, WorksWithClients = input.WorksWithClients,
            SortOrder = existing.Count == 0 ? 10 : existing.Max(t => t.SortOrder) + 10,
        };
        db.PositionTypes.Add(type);
        await db.SaveChangesAsync(cancellationToken);
        return type.Id;
    }

    /// <summary>Sets whether people in the position work with clients; it counts from then on, also in rounds already open.</summary>
    public async Task<Result> SetWorksWithClientsAsync(Guid id, bool worksWithClients, CancellationToken cancellationToken = default)
    {
        if (!Allowed)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var type = await db.PositionTypes.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (type is null)
        {
            return Error.NotFound;
        }
        type.WorksWithClients = worksWithClients;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    public async Task<Result> RemoveAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!Allowed)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var type = await db.PositionTypes.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (type is null)
        {
            return Error.NotFound;
        }
        if (type.IsBuiltIn)
        {
            return Error.Rule("Positions:Error:BuiltIn");
        }
        if (await db.Users.AnyAsync(u => u.PositionTypeId == id, cancellationToken))
        {
            return Error.Rule("Positions:Error:InUse");
        }
        db.PositionTypes.Remove(type);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>"Family assistant" becomes <c>family-assistant</c>.</summary>
    private static string Slug(string englishName)
    {
        var slug = NotLetterOrDigit().Replace(englishName.ToLowerInvariant(), "-").Trim('-');
        return slug.Length > 50 ? slug[..50].TrimEnd('-') : slug;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotLetterOrDigit();
}
