using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Data;
using TrainingHub.Audit.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Abuse;
using TrainingHub.SharedKernel.Import;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Accounts.Services;

/// <summary>One line of an invitation file and the unit it names; <see cref="Errors"/> say why it cannot be sent.</summary>
internal sealed record BulkInvitationRow(int Line, string Email, string FullName, string? Unit, string Role, IReadOnlyList<FieldError> Errors);

internal sealed record BulkInvitationPreview(IReadOnlyList<BulkInvitationRow> Rows, IReadOnlyList<FieldError> FileErrors)
{
    public bool CanInvite => FileErrors.Count == 0 && Rows.Count > 0 && Rows.All(r => r.Errors.Count == 0);
    public int InvalidCount => Rows.Count(r => r.Errors.Count > 0);
}

/// <summary>
/// Invitations from a CSV file with the columns email, full_name, unit, role, position, language. The unit is a
/// KATOTTG code or a unit's exact name; the role a built-in role's name (Learner when empty). The file is checked whole
/// and shown first; then every invitation is sent, or none.
/// </summary>
internal sealed class BulkInvitations(
    Invitations invitations, IServiceScopeFactory scopes, IAccessControl access, IOrganisationDirectory units,
    IBackgroundJobClient jobs, IAuditTrail audit, RateLimits limits, ICurrentUser currentUser)
{
    public const int MaxFileBytes = 1024 * 1024;
    public const int MaxRows = 500;
    public static readonly string[] Columns = ["email", "full_name", "unit", "role", "position", "language"];

    public async Task<BulkInvitationPreview> PreviewAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        await using var work = IdentityWork.Begin(scopes);
        return (await PlanAsync(work, content, cancellationToken)).Preview;
    }

    public async Task<Result<int>> InviteAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        await using var work = IdentityWork.Begin(scopes);
        var plan = await PlanAsync(work, content, cancellationToken);
        if (!plan.Preview.CanInvite)
        {
            return Error.Rule("BulkInvite:Error:FileHasErrors");
        }
        if (!limits.TryAcquire(RateLimits.Imports, currentUser) || !limits.TryAcquire(RateLimits.Invitations, currentUser, plan.Invitations.Count))
        {
            return RateLimits.TooManyRequests;
        }
        await using (var transaction = await work.Db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var (row, input, unitId) in plan.Invitations)
            {
                var staged = await invitations.StageAsync(work, input, unitId, cancellationToken);
                if (!staged.Succeeded)
                {
                    // Leaving the block without committing rolls every earlier line back.
                    return Error.Validation([new FieldError("Row", "BulkInvite:Error:LineFailed", row.Line)]);
                }
            }
            await transaction.CommitAsync(cancellationToken);
        }
        jobs.DispatchMailSoon();
        await audit.RecordAsync(new AuditEvent(AuditActions.Imported)
        {
            Module = "Accounts", EntityType = "ApplicationUser", Summary = $"invitations CSV: {plan.Invitations.Count} people invited",
        }, cancellationToken);
        return plan.Invitations.Count;
    }

    private sealed record Plan(BulkInvitationPreview Preview, IReadOnlyList<(BulkInvitationRow Row, InvitationInput Input, Guid UnitId)> Invitations);

    private async Task<Plan> PlanAsync(IdentityWork work, byte[] content, CancellationToken cancellationToken)
    {
        var scope = access.GetScope(AccountPermissions.PeopleManage);
        if (scope.IsEmpty)
        {
            return FileError("Error:Forbidden");
        }
        if (content.Length > MaxFileBytes)
        {
            return FileError("BulkInvite:Error:FileTooLarge", MaxFileBytes / 1024 / 1024);
        }
        if (CsvText.DecodeUtf8(content) is not { } text)
        {
            return FileError("BulkInvite:Error:NotUtf8");
        }
        var table = CsvText.Read(text);
        if (table.Rows.Count == 0)
        {
            return FileError("BulkInvite:Error:Empty");
        }
        var header = table.Header.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (!header.SequenceEqual(Columns))
        {
            return FileError("BulkInvite:Error:Header", string.Join(", ", Columns));
        }
        if (table.Rows.Count > MaxRows)
        {
            return FileError("BulkInvite:Error:TooManyRows", MaxRows);
        }

        var unitsInScope = await units.GetUnitsInAsync(scope, cancellationToken);
        var positions = await work.Db.PositionTypes.AsNoTracking().ToListAsync(cancellationToken);
        var grantableAt = new Dictionary<Guid, IReadOnlyList<string>>();
        var emailsInFile = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<BulkInvitationRow>();
        var toSend = new List<(BulkInvitationRow, InvitationInput, Guid)>();
        foreach (var raw in table.Rows)
        {
            var errors = new List<FieldError>();
            if (raw.Cells.Length != Columns.Length)
            {
                errors.Add(new("Row", "BulkInvite:Error:ColumnCount", Columns.Length, raw.Cells.Length));
                rows.Add(new BulkInvitationRow(raw.Line, string.Join(",", raw.Cells), "", null, "", errors));
                continue;
            }
            var cells = raw.Cells.Select(c => c.Trim()).ToArray();
            var input = new InvitationInput { Email = cells[0], FullName = cells[1] };

            var role = cells[3].Length == 0 ? BuiltInRoles.Learner : BuiltInRoles.All.FirstOrDefault(r => r.Equals(cells[3], StringComparison.OrdinalIgnoreCase));
            if (role is null)
            {
                errors.Add(new("Role", "BulkInvite:Error:UnknownRole", cells[3]));
            }
            input.Role = role ?? BuiltInRoles.Learner;

            if (cells[4].Length > 0)
            {
                var position = positions.FirstOrDefault(p => p.Code.Equals(cells[4], StringComparison.OrdinalIgnoreCase)
                    || p.NameUk.Equals(cells[4], StringComparison.CurrentCultureIgnoreCase) || p.NameEn.Equals(cells[4], StringComparison.OrdinalIgnoreCase));
                if (position is null)
                {
                    errors.Add(new("Position", "BulkInvite:Error:UnknownPosition", cells[4]));
                }
                input.PositionTypeId = position?.Id;
            }

            input.PreferredCulture = cells[5].ToLowerInvariant() switch
            {
                "" or "uk" or "uk-ua" or "українська" => Cultures.Ukrainian,
                "en" or "en-gb" or "english" => Cultures.English,
                _ => cells[5],
            };

            var unit = FindUnit(cells[2], unitsInScope, errors);
            if (role is not null && unit is not null)
            {
                if (!grantableAt.TryGetValue(unit.Id, out var grantable))
                {
                    grantableAt[unit.Id] = grantable = await invitations.GrantableRolesAsync(unit.Id, cancellationToken);
                }
                if (!grantable.Contains(role))
                {
                    errors.Add(new("Role", "BulkInvite:Error:RoleNotGrantable", role));
                }
            }
            errors.AddRange(await Invitations.CheckAsync(work, input));
            if (cells[0].Length > 0)
            {
                if (emailsInFile.TryGetValue(cells[0], out var firstLine))
                {
                    errors.Add(new("Email", "BulkInvite:Error:EmailRepeated", firstLine));
                }
                else
                {
                    emailsInFile[cells[0]] = raw.Line;
                }
            }
            var row = new BulkInvitationRow(raw.Line, cells[0], cells[1], unit?.DisplayName ?? cells[2], input.Role, errors);
            rows.Add(row);
            if (errors.Count == 0)
            {
                toSend.Add((row, input, unit!.Id));
            }
        }
        return new Plan(new BulkInvitationPreview(rows, []), toSend);
    }

    /// <summary>A KATOTTG code or an exact name (Ukrainian or English) of a unit within the reader's area.</summary>
    private static OrganisationUnitSummary? FindUnit(string cell, IReadOnlyList<OrganisationUnitSummary> unitsInScope, List<FieldError> errors)
    {
        if (cell.Length == 0)
        {
            errors.Add(new("Unit", "Invite:Error:UnitRequired"));
            return null;
        }
        var matches = unitsInScope.Where(u => string.Equals(u.KatottgCode, cell, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0)
        {
            matches = unitsInScope.Where(u => u.Name.Equals(cell, StringComparison.CurrentCultureIgnoreCase)
                || string.Equals(u.NameEn, cell, StringComparison.OrdinalIgnoreCase)).ToList();
        }
        switch (matches.Count)
        {
            case 1:
                return matches[0];
            case 0:
                errors.Add(new("Unit", "BulkInvite:Error:UnitNotFound", cell));
                return null;
            default:
                errors.Add(new("Unit", "BulkInvite:Error:UnitAmbiguous", cell));
                return null;
        }
    }

    private static Plan FileError(string key, params object[] arguments) =>
        new(new BulkInvitationPreview([], [new FieldError("File", key, arguments)]), []);
}
