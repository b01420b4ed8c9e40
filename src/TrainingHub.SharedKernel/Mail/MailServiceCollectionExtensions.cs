using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrainingHub.SharedKernel.Outbox;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.SharedKernel.Mail;

public static class MailServiceCollectionExtensions
{
    internal static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.Section))
            .Validate(o => !(o.Smtp.HasCredentials && o.Smtp.Security == SmtpSecurity.None),
                "Mail:Smtp:Security is None while Mail:Smtp:UserName is set, which would send the SMTP password in clear: " +
                "set Mail:Smtp:Security to StartTls, SslOnConnect or Auto (with credentials Auto requires STARTTLS).")
            .ValidateOnStart();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<IMailTransport>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<MailOptions>>().Value.Smtp.Host)
                ? new PickupFolderMailTransport(sp.GetRequiredService<IOptions<MailOptions>>(), sp.GetRequiredService<DataFolder>())
                : new SmtpMailTransport(sp.GetRequiredService<IOptions<MailOptions>>()));
        services.AddTransient<MailDispatcher>();
        return services;
    }

    /// <summary>Lets the dispatcher send what a module puts in its outbox (see <see cref="MailOutboxModel.AddMailOutbox"/>).</summary>
    public static IServiceCollection AddMailOutbox<TContext>(this IServiceCollection services)
        where TContext : DbContext =>
        services.AddSingleton<IOutbox<OutgoingMail>, ModuleOutbox<TContext, OutgoingMail>>();

    /// <summary>Asks for a dispatch right away, so a message saved a moment ago goes out without waiting for the next round.</summary>
    public static void DispatchMailSoon(this IBackgroundJobClient jobs) =>
        jobs.Enqueue<MailDispatcher>(d => d.DispatchAsync(CancellationToken.None));
}
