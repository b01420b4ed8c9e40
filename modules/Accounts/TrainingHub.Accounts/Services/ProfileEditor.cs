using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Accounts.Services;

/// <summary>What a coordinator may change of a person's profile. The e-mail address is the sign-in name and changes elsewhere.</summary>
internal sealed class ProfileInput
{
    public string FullName { get; set; } = "";
    public string? FullNameLatin { get; set; }
    public string? Phone { get; set; }
    public Guid? PositionTypeId { get; set; }
    public Guid? HomeUnitId { get; set; }
    public DateTime? StartDate { get; set; }
    public string PreferredCulture { get; set; } = Cultures.Default;
}

internal sealed record EditableProfile(Guid Id, string Email, ProfileInput Input, string Version);

/// <summary>Changing people's profiles, by those who manage people at both the old and the new home unit.</summary>
internal sealed partial class ProfileEditor(
    IDbContextFactory<AccountsDbContext> dbFactory, IServiceScopeFactory scopes, RoleAssignments roles, IAccessControl access, TimeProvider clock)
{
    public const int MaxNameLength = 200;

    public async Task<Result<EditableProfile>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var person = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (person is null || !await access.IsGrantedAsync(AccountPermissions.PeopleView, person.HomeUnitId, cancellationToken))
        {
            return Error.NotFound;
        }
        if (!await access.IsGrantedAsync(AccountPermissions.PeopleManage, person.HomeUnitId, cancellationToken))
        {
            return Error.Forbidden;
        }
        if (!await roles.HoldsAllPermissionsOfAsync(id, cancellationToken))
        {
            return Error.Rule("People:Error:HoldsMorePermissions");
        }
        return new EditableProfile(person.Id, person.Email!, new ProfileInput
        {
            FullName = person.FullName,
            FullNameLatin = person.FullNameLatin,
            Phone = person.PhoneNumber,
            PositionTypeId = person.PositionTypeId,
            HomeUnitId = person.HomeUnitId,
            StartDate = person.StartDate?.ToDateTime(TimeOnly.MinValue),
            PreferredCulture = person.PreferredCulture,
        }, person.ConcurrencyStamp!);
    }

    /// <summary>Saves the profile unless someone else saved it since <paramref name="version"/>; the input is kept either way.</summary>
    public async Task<Result> SaveAsync(Guid id, ProfileInput input, string version, CancellationToken cancellationToken = default)
    {
        // The person as the database has them now, not as an open page's context read them when it opened.
        await using var work = IdentityWork.Begin(scopes);
        var users = work.Users;
        var person = await users.FindByIdAsync(id.ToString());
        if (person is null || !await access.IsGrantedAsync(AccountPermissions.PeopleView, person.HomeUnitId, cancellationToken))
        {
            return Error.NotFound;
        }
        if (!await access.IsGrantedAsync(AccountPermissions.PeopleManage, person.HomeUnitId, cancellationToken))
        {
            return Error.Forbidden;
        }
        if (!await roles.HoldsAllPermissionsOfAsync(id, cancellationToken))
        {
            return Error.Rule("People:Error:HoldsMorePermissions");
        }
        var errors = await ValidateAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        if (person.ConcurrencyStamp != version)
        {
            return Error.Conflict;
        }
        person.FullName = input.FullName.Trim();
        person.FullNameLatin = string.IsNullOrWhiteSpace(input.FullNameLatin) ? null : input.FullNameLatin.Trim();
        person.PhoneNumber = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
        person.PositionTypeId = input.PositionTypeId;
        person.HomeUnitId = input.HomeUnitId;
        person.StartDate = input.StartDate is { } start ? DateOnly.FromDateTime(start) : null;
        person.PreferredCulture = input.PreferredCulture;
        var result = await users.UpdateAsync(person);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)) ? Error.Conflict : Error.Rule("Error:SaveConflictedWithOtherChange");
        }
        return Result.Success();
    }

    private async Task<List<FieldError>> ValidateAsync(ProfileInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.FullName))
        {
            errors.Add(new FieldError(nameof(input.FullName), "Profile:Error:NameRequired"));
        }
        else if (input.FullName.Trim().Length > MaxNameLength)
        {
            errors.Add(new FieldError(nameof(input.FullName), "Profile:Error:NameTooLong"));
        }
        if (!string.IsNullOrWhiteSpace(input.FullNameLatin)
            && (input.FullNameLatin.Trim().Length > MaxNameLength || !LatinName().IsMatch(input.FullNameLatin.Trim())))
        {
            errors.Add(new FieldError(nameof(input.FullNameLatin), "Profile:Error:LatinOnly"));
        }
        if (!string.IsNullOrWhiteSpace(input.Phone) && !Phone().IsMatch(input.Phone.Trim()))
        {
            errors.Add(new FieldError(nameof(input.Phone), "Profile:Error:Phone"));
        }
        if (!Cultures.Supported.Contains(input.PreferredCulture))
        {
            errors.Add(new FieldError(nameof(input.PreferredCulture), "Profile:Error:Language"));
        }
        if (input.StartDate is { } start && start.Date > clock.GetUtcNow().UtcDateTime.Date.AddYears(1))
        {
            errors.Add(new FieldError(nameof(input.StartDate), "Profile:Error:StartDateTooLate"));
        }
        if (input.HomeUnitId is { } unit && !await access.IsGrantedAsync(AccountPermissions.PeopleManage, unit, cancellationToken))
        {
            errors.Add(new FieldError(nameof(input.HomeUnitId), "Profile:Error:UnitOutOfScope"));
        }
        if (input.HomeUnitId is null && !access.GetScope(AccountPermissions.PeopleManage).IsEverywhere)
        {
            errors.Add(new FieldError(nameof(input.HomeUnitId), "Profile:Error:UnitRequired"));
        }
        if (input.PositionTypeId is { } position)
        {
            await using var db = dbFactory.CreateDbContext();
            if (!await db.PositionTypes.AnyAsync(t => t.Id == position, cancellationToken))
            {
                errors.Add(new FieldError(nameof(input.PositionTypeId), "Profile:Error:PositionUnknown"));
            }
        }
        return errors;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z' .\-]*$")]
    private static partial Regex LatinName();

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{5,18}[0-9]$")]
    private static partial Regex Phone();
}
