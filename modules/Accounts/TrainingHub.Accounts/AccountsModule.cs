using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MudBlazor;
using TrainingHub.Accounts.Api;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Contracts.Pickers;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.DemoData;
using TrainingHub.Accounts.Domain;
using TrainingHub.Accounts.Services;
using TrainingHub.Audit.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.SharedKernel.Api;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Accounts;

[LocalizationResource("Accounts")]
public sealed class AccountsResource;

/// <summary>Who people are and how they sign in: ASP.NET Core Identity, built-in roles and role assignments at units.</summary>
public sealed class AccountsModule : TrainingHubModule
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";
    public const string TwoFactorPath = "/account/two-factor";

    public override string Name => "Accounts";

    public override IEnumerable<PermissionDefinition> Permissions =>
    [
        new(AccountPermissions.PeopleView, typeof(AccountsResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator, BuiltInRoles.Supervisor, BuiltInRoles.Mentor),
        new(AccountPermissions.PeopleManage, typeof(AccountsResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator),
        new(AccountPermissions.RolesManage, typeof(AccountsResource), BuiltInRoles.Administrator) { IsAdministrative = true },
        new(AccountPermissions.PositionsManage, typeof(AccountsResource), BuiltInRoles.Administrator),
    ];

    public override IEnumerable<MenuItem> MenuItems =>
    [
        new("Menu:People", "people", Icons.Material.Filled.People, AccountPermissions.PeopleView, typeof(AccountsResource), 20) { Group = MenuGroup.Administration },
        new("Menu:Roles", "roles", Icons.Material.Filled.AdminPanelSettings, AccountPermissions.RolesManage, typeof(AccountsResource), 80) { Group = MenuGroup.Administration },
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<AccountsDbContext, AccountsSqliteDbContext, AccountsPostgreSqlDbContext>(AccountsDbContext.Schema);
        // Identity's stores want a scoped context; they are used per request (sign-in), never per circuit.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AccountsDbContext>>().CreateDbContext());
        services.AddMailOutbox<AccountsDbContext>();
        services.AddIntegrationEventOutbox<AccountsDbContext>();
        services.AddIntegrationEventHandler<StageReached, PositionFromPathway, AccountsDbContext>();
        services.TryAddSingleton<IAuditTrail, NullAuditTrail>();
        services.AddScoped<PasswordReset>();
        services.AddScoped<PeopleDirectory>();
        services.AddScoped<Invitations>();
        services.AddScoped<MyAccount>();
        services.AddScoped<TwoFactorSetup>();
        services.AddScoped<PersonStatus>();
        services.AddScoped<RoleAdministration>();
        services.AddScoped<RoleAssignments>();
        services.AddScoped<PositionTypes>();
        services.AddScoped<ProfileEditor>();
        services.AddScoped<BulkInvitations>();
        services.AddScoped<EmailChange>();
        services.AddScoped<CurrentPassword>();
        services.AddSingleton<PeopleLookup>();
        services.AddSingleton<IPeopleLookup>(sp => sp.GetRequiredService<PeopleLookup>());
        services.AddSingleton<IPeopleRoster>(sp => sp.GetRequiredService<PeopleLookup>());
        services.AddModuleContextInterceptor<PeopleChangeWatcher>();
        services.AddSingleton<IPeopleSelection, PeopleSelection>();
        services.AddScoped<IPersonSearch, PersonSearch>();
        services.AddScoped<SharedKernel.Search.ISearchSource, Search.PeopleSearchSource>();
        services.AddSingleton<IPositionTypes, PositionTypeList>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        // Other sessions notice a changed security stamp (sign out everywhere, new password) within this interval.
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = TimeSpan.FromSeconds(configuration.GetValue("Accounts:SessionCheckSeconds", 60)));
        services.AddSingleton<IModuleInitializer, BuiltInRolesSetup>();
        services.AddSingleton<IModuleInitializer, PositionTypesSetup>();
        // The demo administrator's published authenticator key is for Development only.
        services.AddSingleton<IModuleInitializer>(sp => new DemoAccounts(
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<IConfiguration>(),
            publishedAdministratorKey: sp.GetService<IHostEnvironment>()?.IsDevelopment() == true));

        services.AddAuthentication(SignInSchemes.Default)
            .AddPolicyScheme(SignInSchemes.Default, null, o => o.ForwardDefaultSelector = SignInSchemes.Choose)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiEndpoints.BearerScheme, null)
            .AddIdentityCookies();
        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                // "Confirmed" here means active: a deactivated person cannot sign in (see ActivePersonConfirmation).
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<ApplicationRole>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager<AuditedSignInManager>()
            .AddClaimsPrincipalFactory<PermissionClaimsFactory>()
            .AddUserConfirmation<ActivePersonConfirmation>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider)
            .AddTokenProvider<InvitationTokenProvider>(Invitations.TokenProvider);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = LoginPath;
            o.LogoutPath = LogoutPath;
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "TrainingHub.Auth";
            SessionLifetime.Apply(o);
            // The API answers with a status code (and problem details) instead of sending a program to a page.
            o.Events.OnRedirectToLogin = context => AnswerApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => AnswerApiOrRedirect(context, StatusCodes.Status403Forbidden);
        });
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // Signing out is a form post carrying the antiforgery token, so no other site can sign a person out.
        endpoints.MapPost(LogoutPath, async Task<IResult> (HttpContext context, IAntiforgery antiforgery, SignInManager<ApplicationUser> signInManager) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.BadRequest();
            }
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(LoginPath);
        });
        endpoints.MapPeopleApi();
    }

    private static Task AnswerApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int apiStatusCode)
    {
        if (context.Request.IsApiRequest())
        {
            context.Response.StatusCode = apiStatusCode;
            if (apiStatusCode == StatusCodes.Status401Unauthorized)
            {
                context.Response.Headers.WWWAuthenticate = ApiEndpoints.BearerScheme;
            }
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }

    /// <summary>Administrators who have not turned on two-factor sign-in reach nothing but its set-up page until they do.</summary>
    public override void UseAfterAuthentication(IApplicationBuilder app) => app.Use(TwoFactorSetupGate.InvokeAsync);
}
