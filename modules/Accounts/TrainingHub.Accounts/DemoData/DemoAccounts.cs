using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Accounts.DemoData;

/// <summary>One demo person per built-in role. Their passwords are shown on the sign-in page in Development only.</summary>
internal sealed class DemoAccounts(IServiceScopeFactory scopeFactory, IConfiguration configuration) : IModuleInitializer
{
    public const string Password = "Demo-pass-2026";

    /// <summary>Where each demo person works: the coordinator across Zhytomyr Oblast, the others in Zhytomyr City Hromada.</summary>
    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("admin@traininghub.example", "Олена Адміністраторка", BuiltInRoles.Administrator, null),
        new("coordinator@traininghub.example", "Ігор Координатор", BuiltInRoles.Coordinator, "UA18000000000045390"),
        new("supervisor@traininghub.example", "Марія Супервізорка", BuiltInRoles.Supervisor, "UA18040470000082484"),
        new("mentor@traininghub.example", "Андрій Наставник", BuiltInRoles.Mentor, "UA18040470000082484"),
        new("learner@traininghub.example", "Оксана Волонтерка", BuiltInRoles.Learner, "UA18040470000082484"),
    ];

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue<bool>("DemoData:Enabled");

    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (!Enabled(configuration))
        {
            return;
        }
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }
        var directory = scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        foreach (var account in All)
        {
            var user = new ApplicationUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, FullName = account.FullName };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.Email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
            var unit = account.UnitKatottg is null ? null : await directory.FindByKatottgAsync(account.UnitKatottg, cancellationToken);
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, RoleId = roles[account.Role], UnitId = unit?.Id });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal sealed record DemoAccount(string Email, string FullName, string Role, string? UnitKatottg);
