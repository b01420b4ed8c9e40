using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Sessions;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Sessions;

/// <summary>
/// Invitations as people's mailboxes get them from a real SMTP server: each carries the meeting as an iCalendar object
/// that mail programs act on, and moving or cancelling the meeting sends an update of the same event.
/// </summary>
public abstract class SessionInvitationTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private const string Learner = "learner@traininghub.example";
    private const string Supervisor = "supervisor@traininghub.example";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private SmtpSink _sink = null!;
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _sink = await SmtpSink.StartAsync();
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?>
            {
                ["DemoData:Enabled"] = "true", ["Mail:Smtp:Host"] = _sink.Host, ["Mail:Smtp:Port"] = _sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            services => services.AddSingleton<TimeProvider>(_clock));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _sink.DisposeAsync();
    }

    private async Task<IReadOnlyList<MimeMessage>> DeliveredToAsync(string address)
    {
        await _host.Get<MailDispatcher>().DispatchAsync(CancellationToken.None);
        return [.. _sink.Messages.Where(m => m.To.Mailboxes.Any(b => b.Address == address))];
    }

    private static (Calendar Calendar, string Attachment) CalendarOf(MimeMessage message)
    {
        var part = message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar");
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        Assert.Equal(part.ContentType.Parameters["method"], Calendar.Load(part.Text)!.Method);
        return (Calendar.Load(part.Text)!, attachment.FileName + ":" + System.Text.Encoding.UTF8.GetString(content.ToArray()).Contains("BEGIN:VCALENDAR", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Everyone_in_the_meeting_gets_an_invitation_and_a_move_and_a_cancellation_update_the_same_event()
    {
        var learner = (await _host.Get<IPeopleLookup>().FindByEmailAsync(Learner))!;
        var supervisor = (await _host.Get<IPeopleLookup>().FindByEmailAsync(Supervisor))!;
        _host.User.ActingAs(supervisor.Id, new PermissionGrant(SupervisionPermissions.Supervise, null), new PermissionGrant(SupervisionPermissions.SessionsView, null));
        var planner = _host.Get<SessionPlanner>();
        var id = (await planner.ScheduleAsync(new ScheduleInput
        {
            Kind = SessionKind.Individual, ParticipantIds = [learner.Id],
            Times = new SessionTimes { StartsAt = new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.FromHours(2)), DurationMinutes = 90, Place = "Кабінет 12" },
        })).Value;
        var invitation = Assert.Single(await DeliveredToAsync(Learner));
        Assert.Single(await DeliveredToAsync(Supervisor));

        var version = (await planner.MineAsync(past: false)).Value.Single().Version;
        await planner.RescheduleAsync(id, version, new SessionTimes { StartsAt = new DateTimeOffset(2026, 3, 5, 14, 0, 0, TimeSpan.FromHours(2)), DurationMinutes = 60, Place = "Кабінет 3" });
        version = (await planner.MineAsync(past: false)).Value.Single().Version;
        await planner.CancelAsync(id, version, "Захворіла");
        var all = await DeliveredToAsync(Learner);

        var (first, firstAttachment) = CalendarOf(invitation);
        var (moved, _) = CalendarOf(all[1]);
        var (cancelled, cancelAttachment) = CalendarOf(all[2]);
        Assert.Equal(3, all.Count);
        Assert.Equal("Індивідуальна супервізія: середа 4 березня 2026, 10:00–11:30 (за київським часом)", invitation.Subject);
        Assert.StartsWith("Перенесено: ", all[1].Subject);
        Assert.StartsWith("Скасовано: ", all[2].Subject);
        Assert.Contains("Причина: Захворіла", all[2].TextBody);
        Assert.Equal(("invite.ics:True", "cancel.ics:True"), (firstAttachment, cancelAttachment));
        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], new[] { first, moved, cancelled }.Select(c => c.Method));
        var events = new[] { first, moved, cancelled }.Select(c => Assert.Single(c.Events)).ToList();
        Assert.Single(events.Select(e => e.Uid).Distinct());
        Assert.Equal([0, 1, 2], events.Select(e => e.Sequence));
        Assert.Equal(new DateTime(2026, 3, 4, 8, 0, 0, DateTimeKind.Utc), events[0].DtStart!.AsUtc);
        Assert.Equal((new DateTime(2026, 3, 5, 12, 0, 0, DateTimeKind.Utc), "Кабінет 3"), (events[1].DtStart!.AsUtc, events[1].Location));
        Assert.Equal("CANCELLED", events[2].Status);
        Assert.Equal($"mailto:{supervisor.Email}", events[0].Organizer!.Value!.ToString());
        Assert.Equal([$"mailto:{learner.Email}"], events[0].Attendees.Select(a => a.Value!.ToString()));
    }
}

public sealed class SessionInvitationOnSqlite(SqliteServer server) : SessionInvitationTests(server), IClassFixture<SqliteServer>;

public sealed class SessionInvitationOnPostgreSql(PostgreSqlServer server) : SessionInvitationTests(server), IClassFixture<PostgreSqlServer>;
