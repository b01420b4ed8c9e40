using System.Reflection;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrainingHub.SharedKernel.Home;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.SharedKernel.Modules;

/// <summary>
/// The one entry point through which a business module joins the application: its services,
/// model, menu, permissions, pages and endpoints. The host only lists modules.
/// </summary>
public abstract class TrainingHubModule
{
    /// <summary>The module's name; also the folder of its localisation files.</summary>
    public abstract string Name { get; }

    /// <summary>The assembly that holds the module's routable pages.</summary>
    public Assembly PageAssembly => GetType().Assembly;

    public virtual IEnumerable<PermissionDefinition> Permissions => [];

    public virtual IEnumerable<MenuItem> MenuItems => [];

    /// <summary>
    /// Links a person's page shows to those holding the permission, such as the person's competencies; the page behind
    /// each link checks the person's unit on the server.
    /// </summary>
    public virtual IEnumerable<PersonLink> PersonLinks => [];

    /// <summary>Components the app bar shows to signed-in people, such as the notification bell; each checks on the server what it shows.</summary>
    public virtual IEnumerable<Type> AppBarItems => [];

    /// <summary>Parts of the home page the module provides; see <see cref="HomePart"/>.</summary>
    public virtual IEnumerable<HomePart> HomeParts => [];

    public virtual void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
    }

    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    /// <summary>Adds middleware that must see every request once the person is known (after authentication, before authorisation).</summary>
    public virtual void UseAfterAuthentication(IApplicationBuilder app)
    {
    }

    /// <summary>Registers the module's recurring jobs; called once at start-up, and safe to call again.</summary>
    public virtual void ScheduleJobs(IRecurringJobManager jobs)
    {
    }
}

/// <summary>A navigation entry a module contributes; shown only to users holding <see cref="Permission"/>.</summary>
/// <param name="TextKey">Localisation key of the label, looked up in the module's resource.</param>
public sealed record MenuItem(string TextKey, string Href, string Icon, string Permission, Type Resource, int Order = 100)
{
    /// <summary>The job the entry serves, which decides the menu group it is listed in.</summary>
    public MenuGroup Group { get; init; } = MenuGroup.Administration;
}

/// <summary>The menu's groups, by job, in the order they are listed.</summary>
public enum MenuGroup
{
    /// <summary>A person's own learning, competencies, pathway, check-ins, hours, meetings and the people they supervise.</summary>
    MyWork,
    Learning,
    Competencies,
    Supervision,
    Wellbeing,
    Pathways,
    Workforce,
    Administration,
}

/// <summary>A link from a person's page to another module's page about them.</summary>
/// <param name="HrefTemplate">The address with <c>{0}</c> where the person's id goes, such as <c>competencies/people/{0}</c>.</param>
public sealed record PersonLink(string TextKey, string HrefTemplate, string Icon, string Permission, Type Resource)
{
    public string HrefFor(Guid personId) => string.Format(System.Globalization.CultureInfo.InvariantCulture, HrefTemplate, personId);
}
