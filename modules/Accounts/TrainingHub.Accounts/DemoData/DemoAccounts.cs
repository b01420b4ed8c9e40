using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.Accounts.Services;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Accounts.DemoData;

/// <summary>
/// One demo person per built-in role. Their passwords are shown on the sign-in page in Development only. In Development
/// the demo administrator also has two-factor sign-in on with a fixed, published key, and the second sign-in step
/// shows its current code; elsewhere the administrator sets two-factor sign-in up at first sign-in like anyone else.
/// </summary>
internal sealed class DemoAccounts(IServiceScopeFactory scopeFactory, IConfiguration configuration, bool publishedAdministratorKey) : IModuleInitializer
{
    public const string Password = "Demo-pass-2026";

    /// <summary>The demo administrator's authenticator key in Development (base 32, as an authenticator app takes it).</summary>
    public const string AuthenticatorKey = "TRAININGHUBDEMOADMINKEYONLYLOCAL";

    /// <summary>Where each demo person works: the coordinator across Zhytomyr Oblast, the others in Zhytomyr City Hromada.</summary>
    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("admin@traininghub.example", "Олена Адміністраторка", "Olena Administratorka", BuiltInRoles.Administrator, null, "coordinator"),
        new("coordinator@traininghub.example", "Ігор Координатор", "Ihor Koordynator", BuiltInRoles.Coordinator, ZhytomyrOblast, "coordinator"),
        new("supervisor@traininghub.example", "Марія Супервізорка", "Mariia Supervizorka", BuiltInRoles.Supervisor, ZhytomyrCity, "supervisor"),
        new("mentor@traininghub.example", "Андрій Наставник", "Andrii Nastavnyk", BuiltInRoles.Mentor, ZhytomyrCity, "social-worker"),
        new("learner@traininghub.example", "Оксана Волонтерка", "Oksana Volonterka", BuiltInRoles.Learner, ZhytomyrCity, "volunteer"),
    ];

    /// <summary>More learners across both oblasts, so that lists have something to page and filter.</summary>
    public static IReadOnlyList<DemoAccount> Colleagues { get; } =
    [
        new("h.bondarenko@traininghub.example", "Галина Бондаренко", "Halyna Bondarenko", BuiltInRoles.Learner, ZhytomyrCity, "social-assistant"),
        new("v.kravchuk@traininghub.example", "Василь Кравчук", "Vasyl Kravchuk", BuiltInRoles.Learner, ZhytomyrCity, "volunteer"),
        new("n.tkachenko@traininghub.example", "Наталія Ткаченко", "Nataliia Tkachenko", BuiltInRoles.Learner, ZhytomyrCity, "case-manager"),
        new("o.melnyk@traininghub.example", "Олександр Мельник", "Oleksandr Melnyk", BuiltInRoles.Learner, "UA18060170000025398", "social-worker"),
        new("t.shevchuk@traininghub.example", "Тетяна Шевчук", "Tetiana Shevchuk", BuiltInRoles.Learner, "UA18060170000025398", "volunteer"),
        new("y.kovalenko@traininghub.example", "Юлія Коваленко", "Yuliia Kovalenko", BuiltInRoles.Learner, "UA18020030000014563", "social-assistant"),
        new("r.boiko@traininghub.example", "Роман Бойко", "Roman Boiko", BuiltInRoles.Learner, "UA18020030000014563", "volunteer"),
        new("i.lysenko@traininghub.example", "Ірина Лисенко", "Iryna Lysenko", BuiltInRoles.Learner, "UA46060250000032558", "social-worker"),
        new("p.hnatiuk@traininghub.example", "Петро Гнатюк", "Petro Hnatiuk", BuiltInRoles.Learner, "UA46060250000032558", "volunteer"),
        new("s.savchuk@traininghub.example", "Софія Савчук", "Sofiia Savchuk", BuiltInRoles.Learner, "UA46080130000051632", "case-manager"),
    ];

    private const string ZhytomyrOblast = "UA18000000000045390";
    private const string ZhytomyrCity = "UA18040470000082484";

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue<bool>("DemoData:Enabled");

    /// <summary>Demo passwords and codes are shown in Development only, never in Production.</summary>
    public static bool Shown(IHostEnvironment environment, IConfiguration configuration) =>
        environment.IsDevelopment() && Enabled(configuration);

    /// <summary>
    /// The code a person's authenticator shows now (or, when that one was just used, the next one it will show), when they
    /// still use the published demo key; null otherwise.
    /// </summary>
    public static async Task<string?> CurrentDemoCodeAsync(UserManager<ApplicationUser> users, ApplicationUser user, TimeProvider clock) =>
        await users.GetAuthenticatorKeyAsync(user) == AuthenticatorKey ? SingleUseAuthenticatorCodes.NextUsableCode(AuthenticatorKey, user, clock.GetUtcNow()) : null;

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
        var positions = await db.PositionTypes.ToDictionaryAsync(t => t.Code, t => t.Id, cancellationToken);
        var start = new DateOnly(2024, 9, 2);
        foreach (var account in All.Concat(Colleagues))
        {
            var unit = account.UnitKatottg is null ? null : await directory.FindByKatottgAsync(account.UnitKatottg, cancellationToken);
            var user = new ApplicationUser
            {
                UserName = account.Email, Email = account.Email, EmailConfirmed = true, FullName = account.FullName,
                FullNameLatin = account.FullNameLatin, PositionTypeId = positions[account.Position], HomeUnitId = unit?.Id,
                StartDate = start = start.AddDays(37),
            };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.Email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, RoleId = roles[account.Role], UnitId = unit?.Id });
            if (account.Role == BuiltInRoles.Administrator && publishedAdministratorKey)
            {
                var keys = (IUserAuthenticatorKeyStore<ApplicationUser>)scope.ServiceProvider.GetRequiredService<IUserStore<ApplicationUser>>();
                await keys.SetAuthenticatorKeyAsync(user, AuthenticatorKey, cancellationToken);
                await users.SetTwoFactorEnabledAsync(user, true);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <param name="Position">The code of the person's position type.</param>
internal sealed record DemoAccount(string Email, string FullName, string FullNameLatin, string Role, string? UnitKatottg, string Position);
