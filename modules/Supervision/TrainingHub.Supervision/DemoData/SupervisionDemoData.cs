using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TrainingHub.Accounts.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Hours;
using TrainingHub.Supervision.Logs;
using TrainingHub.Supervision.Sessions;
using TrainingHub.Supervision.Mentoring;

namespace TrainingHub.Supervision.DemoData;

/// <summary>
/// With demo data on, the demo supervisor of Zhytomyr City Hromada supervises its four demo learners (for a few months
/// already) and the demo mentor mentors two of them; the four have practice hours of the last two weeks in every state,
/// some waiting for the supervisor's signature; both mentees have goals with their mentor, open, achieved and dropped;
/// and months of signed supervision with some people overdue (see <see cref="HoldSessionsAsync"/>; only with
/// <c>DemoData:SupervisionHistory</c>, which Development sets); the positions of the demo people ask for practice hours a
/// year. Nothing is added once any assignment (or hours entry, goal, meeting or requirement) exists.
/// </summary>
internal sealed class SupervisionDemoData(
    IDbContextFactory<SupervisionDbContext> dbFactory, IConfiguration configuration, TimeProvider clock, IPeopleLookup? people = null,
    IPositionTypes? positions = null) : IModuleInitializer
{
    /// <summary>Hours a year per position (by code): in all, and of them at least so many of some types.</summary>
    private static readonly (string Position, int Total, (Guid Type, int Hours)[] Parts)[] PlannedRequirements =
    [
        ("volunteer", 40, [(ActivityType.DirectWork, 20)]),
        ("social-assistant", 120, [(ActivityType.DirectWork, 80)]),
        ("case-manager", 160, [(ActivityType.DirectWork, 100), (ActivityType.SupervisionReceived, 12)]),
        ("social-worker", 200, [(ActivityType.DirectWork, 120), (ActivityType.SupervisionReceived, 12), (ActivityType.Training, 20)]),
    ];

    private static readonly (string Person, string Assignee, AssignmentRole Role, int MonthsAgo)[] Planned =
    [
        ("learner@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Supervisor, 5),
        ("h.bondarenko@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Supervisor, 8),
        ("v.kravchuk@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Supervisor, 3),
        ("n.tkachenko@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Supervisor, 12),
        ("learner@traininghub.example", "mentor@traininghub.example", AssignmentRole.Mentor, 5),
        ("v.kravchuk@traininghub.example", "mentor@traininghub.example", AssignmentRole.Mentor, 2),
    ];

    private static readonly (string Person, int DaysAgo, decimal Hours, Guid Type, string Setting, string Description, HoursState State, string? Reason)[] PlannedHours =
    [
        ("learner@traininghub.example", 9, 3, ActivityType.DirectWork, "Домашній візит", "Підтримка родини, що виховує дитину з інвалідністю", HoursState.Approved, null),
        ("learner@traininghub.example", 8, 1.5m, ActivityType.SupervisionReceived, "Центр соціальних служб", "Індивідуальна супервізія", HoursState.Approved, null),
        ("learner@traininghub.example", 7, 2, ActivityType.Training, "Онлайн", "Курс «Перша психологічна допомога»", HoursState.Approved, null),
        ("learner@traininghub.example", 3, 1, ActivityType.IndirectWork, "Центр соціальних служб", "Документи", HoursState.Rejected, "Уточніть, з якою справою пов'язані документи."),
        ("learner@traininghub.example", 2, 2.5m, ActivityType.DirectWork, "Денний центр", "Заняття з дітьми", HoursState.Submitted, null),
        ("learner@traininghub.example", 1, 1, ActivityType.Other, "Громадський центр", "Підготовка до групи батьків", HoursState.Draft, null),
        ("h.bondarenko@traininghub.example", 8, 4, ActivityType.DirectWork, "Домашній візит", "Оцінка потреб родини", HoursState.Approved, null),
        ("h.bondarenko@traininghub.example", 3, 3, ActivityType.DirectWork, "Домашній візит", "Супровід родини", HoursState.Submitted, null),
        ("h.bondarenko@traininghub.example", 2, 2, ActivityType.IndirectWork, "Центр соціальних служб", "План супроводу", HoursState.Submitted, null),
        ("v.kravchuk@traininghub.example", 2, 2, ActivityType.Training, "Онлайн", "Вебінар про інклюзію", HoursState.Submitted, null),
        ("v.kravchuk@traininghub.example", 1, 3, ActivityType.DirectWork, "Денний центр", "Волонтерська зміна", HoursState.Draft, null),
        ("n.tkachenko@traininghub.example", 10, 5, ActivityType.DirectWork, "Школа", "Ведення випадку", HoursState.Approved, null),
        ("n.tkachenko@traininghub.example", 9, 2, ActivityType.IndirectWork, "Центр соціальних служб", "Міжвідомча нарада", HoursState.Approved, null),
        ("n.tkachenko@traininghub.example", 4, 6, ActivityType.Other, "Виїзд", "Поїздка", HoursState.Rejected, "Дорога не є практикою; запишіть лише час роботи з родиною."),
    ];

    private static readonly (string Mentee, bool ByMentee, string Text, int? TargetInDays, GoalStatus Status, string? Reason)[] PlannedGoals =
    [
        ("learner@traininghub.example", false, "Самостійно провести зустріч групи батьків", null, GoalStatus.Achieved, null),
        ("learner@traininghub.example", true, "Скласти особистий план самодогляду", 30, GoalStatus.Open, null),
        ("learner@traininghub.example", true, "Пройти курс української жестової мови", null, GoalStatus.Dropped, "Курс перенесли на осінь; повернемося до цього в новому плані."),
        ("v.kravchuk@traininghub.example", false, "Вести щоденник рефлексії після кожного візиту", 14, GoalStatus.Open, null),
        ("v.kravchuk@traininghub.example", true, "Підготуватися до співбесіди на посаду соціального працівника", 60, GoalStatus.Open, null),
        ("v.kravchuk@traininghub.example", false, "Ознайомитися з порядком оцінки потреб родини", null, GoalStatus.Achieved, null),
    ];

    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        // The accounts module is not there when the module is started on its own (its tests); there is nobody to assign then.
        if (!configuration.GetValue<bool>("DemoData:Enabled") || people is null)
        {
            return;
        }
        await using var db = dbFactory.CreateDbContext();
        var today = DailyRuns.DayOf(clock.GetUtcNow());
        if (!await db.Assignments.AnyAsync(cancellationToken))
        {
            await AssignAsync(db, people, today, cancellationToken);
        }
        if (!await db.HoursEntries.AnyAsync(cancellationToken))
        {
            await LogHoursAsync(db, people, today, cancellationToken);
        }
        if (!await db.Goals.AnyAsync(cancellationToken))
        {
            await SetGoalsAsync(db, people, today, cancellationToken);
        }
        if (positions is not null && !await db.HoursRequirements.AnyAsync(cancellationToken))
        {
            await RequireHoursAsync(db, positions, cancellationToken);
        }
        if (configuration.GetValue<bool>("DemoData:SupervisionHistory") && !await db.Sessions.AnyAsync(cancellationToken))
        {
            await HoldSessionsAsync(db, people, today, cancellationToken);
        }
    }

    /// <summary>Topics of the demo supervisions, in turn: what supervision of family support work is about.</summary>
    private static readonly (SupervisionFunctions Functions, string Topics, string Cases, string Reflection)[] Conversations =
    [
        (SupervisionFunctions.Administrative | SupervisionFunctions.Educational, "Навантаження і план візитів на місяць",
            "Родина з трьома дітьми, одна дитина з інвалідністю: план супроводу", "Зрозуміла, як розподіляти візити за пріоритетом."),
        (SupervisionFunctions.Educational, "Оцінка потреб дитини і родини", "Мати-одиначка після переїзду: оцінка потреб", "Спробую нову форму оцінки на наступному візиті."),
        (SupervisionFunctions.Supportive, "Втома після складного випадку", "Конфлікт у родині під час візиту", "Стало легше, коли проговорила ситуацію."),
        (SupervisionFunctions.Educational | SupervisionFunctions.Supportive, "Межі у стосунках з родиною", "Прохання родини про допомогу поза робочим часом", "Домовилась із собою про чіткі межі."),
    ];

    /// <summary>
    /// A few months of supervision as it would have gone: the learner supervised fortnightly and Наталія monthly, both
    /// within policy; Галина's last signed supervision long ago and Василь never supervised, so both are overdue; one held
    /// meeting whose log waits for signatures, one to come, and a mentoring meeting of the demo mentor.
    /// </summary>
    private async Task HoldSessionsAsync(SupervisionDbContext db, IPeopleLookup lookup, DateOnly today, CancellationToken cancellationToken)
    {
        var supervisor = await lookup.FindByEmailAsync("supervisor@traininghub.example", cancellationToken);
        var mentor = await lookup.FindByEmailAsync("mentor@traininghub.example", cancellationToken);
        if (supervisor is null || mentor is null)
        {
            return;
        }
        var planned = new (string Email, PersonContact Leader, SessionKind Kind, int[] DaysAgo, bool Signed)[]
        {
            ("learner@traininghub.example", supervisor, SessionKind.Individual, [94, 80, 66, 52, 38, 24, 10], true),
            ("n.tkachenko@traininghub.example", supervisor, SessionKind.Individual, [80, 50, 20], true),
            ("h.bondarenko@traininghub.example", supervisor, SessionKind.Individual, [110, 80, 50], true),
            ("v.kravchuk@traininghub.example", supervisor, SessionKind.Individual, [2], false),
            ("learner@traininghub.example", mentor, SessionKind.Mentoring, [7], true),
            ("learner@traininghub.example", supervisor, SessionKind.Individual, [-3], false),
        };
        var turn = 0;
        foreach (var (email, leader, kind, daysAgo, signed) in planned)
        {
            if (await lookup.FindByEmailAsync(email, cancellationToken) is not { HomeUnitId: { } unitId } person)
            {
                continue;
            }
            foreach (var days in daysAgo)
            {
                var startsAt = KyivTime.FromKyiv(today.AddDays(-days).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(10)).ToUniversalTime();
                var session = new SupervisionSession
                {
                    Kind = kind, LeaderId = leader.Id, UnitId = unitId, StartsAt = startsAt, DurationMinutes = 90,
                    Place = "Центр надання соціальних послуг, кабінет 12", CreatedAt = startsAt.AddDays(-7),
                    Participants = [new SessionParticipant { PersonId = person.Id }],
                };
                db.Sessions.Add(session);
                if (days > 0)
                {
                    db.Logs.Add(Log(session, person.Id, Conversations[turn++ % Conversations.Length], signed, days, startsAt));
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static SessionLog Log(
        SupervisionSession session, Guid personId, (SupervisionFunctions Functions, string Topics, string Cases, string Reflection) talk,
        bool signed, int daysAgo, DateTimeOffset startsAt)
    {
        var written = startsAt.AddHours(2);
        var log = SessionLog.For(session, personId, written);
        log.Cover(talk.Functions, session.LeaderId, written);
        log.Write(LogField.Topics, talk.Topics, session.LeaderId, written);
        if (session.Kind != SessionKind.Mentoring)
        {
            log.Write(LogField.Cases, talk.Cases, session.LeaderId, written);
        }
        // The most recent agreed action is still open; older ones were done by the next meeting.
        log.Agree("Підготувати план супроводу родини", personId, DateOnly.FromDateTime(written.UtcDateTime).AddDays(10), session.LeaderId, written);
        if (!signed)
        {
            return log;
        }
        log.Write(LogField.Reflection, talk.Reflection, personId, written.AddHours(3));
        log.Sign(session.LeaderId, written.AddHours(4));
        log.Sign(personId, written.AddHours(5));
        if (daysAgo > 14)
        {
            log.Actions[0].Complete(log, personId, written.AddDays(9));
        }
        return log;
    }

    private async Task AssignAsync(SupervisionDbContext db, IPeopleLookup lookup, DateOnly today, CancellationToken cancellationToken)
    {
        foreach (var (personEmail, assigneeEmail, role, monthsAgo) in Planned)
        {
            if (await lookup.FindByEmailAsync(personEmail, cancellationToken) is not { HomeUnitId: { } unitId } person
                || await lookup.FindByEmailAsync(assigneeEmail, cancellationToken) is not { } assignee)
            {
                continue;
            }
            db.Assignments.Add(new Assignment
            {
                PersonId = person.Id, AssigneeId = assignee.Id, Role = role, UnitId = unitId,
                StartsOn = today.AddMonths(-monthsAgo), CreatedAt = clock.GetUtcNow(),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Hours of the demo supervisees as they would stand after going through their states, signed by the demo supervisor.</summary>
    private async Task LogHoursAsync(SupervisionDbContext db, IPeopleLookup lookup, DateOnly today, CancellationToken cancellationToken)
    {
        var supervisor = await lookup.FindByEmailAsync("supervisor@traininghub.example", cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var (email, daysAgo, hours, type, setting, description, state, reason) in PlannedHours)
        {
            if (supervisor is null || await lookup.FindByEmailAsync(email, cancellationToken) is not { HomeUnitId: { } unitId } person)
            {
                continue;
            }
            var input = new HoursInput { Date = today.AddDays(-daysAgo), Hours = hours, ActivityTypeId = type, Setting = setting, Description = description };
            var entry = PracticeHoursEntry.Log(person.Id, unitId, input, today, 0, now.AddDays(-daysAgo)).Value;
            if (state != HoursState.Draft)
            {
                entry.Submit(now.AddDays(-daysAgo));
            }
            if (state == HoursState.Approved)
            {
                entry.Approve(supervisor.Id, now.AddDays(1 - daysAgo));
            }
            else if (state == HoursState.Rejected)
            {
                entry.Reject(supervisor.Id, reason, now.AddDays(1 - daysAgo));
            }
            db.HoursEntries.Add(entry);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RequireHoursAsync(SupervisionDbContext db, IPositionTypes positionTypes, CancellationToken cancellationToken)
    {
        var activityTypes = await db.ActivityTypes.Select(t => t.Id).ToListAsync(cancellationToken);
        var byCode = (await positionTypes.ListAsync(cancellationToken)).ToDictionary(p => p.Code, p => p.Id);
        foreach (var (position, total, parts) in PlannedRequirements.Where(r => byCode.ContainsKey(r.Position)))
        {
            var input = new RequirementInput
            {
                TotalHours = total, Parts = [.. parts.Select(p => new RequirementPartInput { ActivityTypeId = p.Type, Hours = p.Hours })],
            };
            db.HoursRequirements.Add(HoursRequirement.For(byCode[position], input, activityTypes, clock.GetUtcNow()).Value);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Goals of the demo mentor's pairs as they would stand after a few weeks of mentoring.</summary>
    private async Task SetGoalsAsync(SupervisionDbContext db, IPeopleLookup lookup, DateOnly today, CancellationToken cancellationToken)
    {
        if (await lookup.FindByEmailAsync("mentor@traininghub.example", cancellationToken) is not { } mentor)
        {
            return;
        }
        var pairs = await db.AssignedTo(mentor.Id, AssignmentRole.Mentor, today).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var (email, byMentee, text, targetInDays, status, reason) in PlannedGoals)
        {
            var mentee = await lookup.FindByEmailAsync(email, cancellationToken);
            if (pairs.FirstOrDefault(p => p.PersonId == mentee?.Id) is not { } pair)
            {
                continue;
            }
            var input = new GoalInput { Text = text, TargetOn = targetInDays is { } days ? today.AddDays(days) : null };
            var goal = MentoringGoal.Propose(pair, input, byMentee ? pair.PersonId : mentor.Id, today, now.AddDays(-21)).Value;
            var closed = status switch
            {
                GoalStatus.Achieved => goal.Achieve(pair, pair.PersonId, today, now.AddDays(-7)),
                GoalStatus.Dropped => goal.Drop(pair, reason, mentor.Id, today, now.AddDays(-10)),
                _ => Result.Success(),
            };
            if (closed.Succeeded)
            {
                db.Goals.Add(goal);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
