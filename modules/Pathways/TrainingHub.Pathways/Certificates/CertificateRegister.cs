using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Learning.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Development;
using TrainingHub.Pathways.Progress;
using TrainingHub.Pathways.Templates;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Export;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Pathways.Certificates;

/// <summary>A certificate as listed: <see cref="Renewal"/> where renewal is open, <see cref="Renewed"/> once another certificate renewed it.</summary>
internal sealed record CertificateLine(
    Guid Id, string Number, string PathwayName, string StageName, DateOnly IssuedOn, DateOnly? ValidUntil, CertificateStatus Status, Guid Version,
    RenewalState? Renewal, bool Renewed);

/// <summary>A person's certificates, newest first, and whether the current user may revoke them and renew them.</summary>
internal sealed record PersonCertificates(Guid PersonId, IReadOnlyList<CertificateLine> Certificates, bool MayRevoke, bool MayRenew);

/// <summary>What the public verification page shows of a certificate, and nothing more.</summary>
internal sealed record VerifiedCertificate(
    string Number, string PersonName, string PathwayName, string StageName, string IssuerName, DateOnly IssuedOn, DateOnly? ValidUntil, CertificateStatus Status);

/// <summary>
/// People's certificates: listed and downloaded under the rules of their pathway page, revoked by coordinators over
/// the person's unit, renewed by the holder or those coordinators, and checked by anyone who has a number.
/// </summary>
internal sealed class CertificateRegister(
    IDbContextFactory<PathwaysDbContext> dbFactory, ProgressAccess progressAccess, IAccessControl access, IPeopleLookup people, PublicLinks links,
    DevelopmentRecords development, ILearningRecords learning, IOrganisationDirectory units, TimeProvider clock)
{
    public DateOnly Today => DailyRuns.DayOf(clock.GetUtcNow());

    public string VerifyUrl(string number) => links.To($"verify/{number}").ToString();

    public async Task<Result<PersonCertificates>> ForPersonAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var person = await people.FindAsync(personId, cancellationToken);
        if (person is null || !await progressAccess.MayViewAsync(person, cancellationToken))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.PersonId == personId).ToListAsync(cancellationToken);
        var today = Today;
        var lines = new List<CertificateLine>();
        foreach (var c in certificates.OrderByDescending(c => c.IssuedAt))
        {
            var renewal = c.RenewableOn(today) && await StageOfAsync(db, c, cancellationToken) is (_, { } stage)
                ? await JudgeRenewalAsync(c, stage, cancellationToken)
                : null;
            lines.Add(new CertificateLine(
                c.Id, c.Number, c.PathwayName, c.StageName, c.IssuedOn, c.ValidUntil, c.StatusOn(today), c.Version, renewal, c.RenewedWithId is not null));
        }
        var mayRevoke = await access.IsGrantedAsync(PathwaysPermissions.CertificatesRevoke, person.HomeUnitId, cancellationToken);
        return new PersonCertificates(personId, lines, mayRevoke, mayRevoke || personId == progressAccess.Me);
    }

    /// <summary>
    /// Renews a certificate, by its holder or a coordinator over their unit, when renewal is open and what it asks is met:
    /// the new certificate is issued by the person's home unit and saved with the old one marked (the audit trail records
    /// both); the holder is told and the old one's reminders stop.
    /// </summary>
    public async Task<Result<Guid>> RenewAsync(Guid certificateId, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var certificate = await db.Certificates.FirstOrDefaultAsync(c => c.Id == certificateId, cancellationToken);
        if (certificate is null || progressAccess.Me is not { } me || await people.FindAsync(certificate.PersonId, cancellationToken) is not { } person
            || (me != person.Id && !await access.IsGrantedAsync(PathwaysPermissions.CertificatesRevoke, person.HomeUnitId, cancellationToken)))
        {
            return Error.Forbidden;
        }
        if (certificate.Version != version)
        {
            return Error.Conflict;
        }
        if (await StageOfAsync(db, certificate, cancellationToken) is not ({ } template, { } stage))
        {
            return Error.Rule("Certificates:Error:StageGone");
        }
        var (today, now) = (Today, clock.GetUtcNow());
        var renewal = certificate.RenewableOn(today) ? await JudgeRenewalAsync(certificate, stage, cancellationToken) : null;
        var unit = person.HomeUnitId is { } unitId ? await units.FindAsync(unitId, cancellationToken) : null;
        var issuer = unit is null ? ("TrainingHub", "TrainingHub") : (unit.Name, unit.NameEn ?? unit.Name);
        if (!certificate.Renew(renewal, template, stage, person.FullName, person.PreferredCulture, person.HomeUnitId, issuer, me, today, now)
                .TryGetValue(out var renewed, out var error))
        {
            return error;
        }
        db.Certificates.Add(renewed);
        db.Entry(certificate).Property(c => c.Version).OriginalValue = version;
        db.Publish(new CertificateRenewed(certificate.Id, renewed.Id, person.Id, certificate.Number, renewed.Number, renewed.ValidUntil), now);
        return await db.SaveOrErrorAsync(cancellationToken) is { } saveError ? saveError : renewed.Id;
    }

    /// <summary>The certificate as a PDF in the holder's language, for the holder and those who may see their pathway.</summary>
    public async Task<Result<ExportedFile>> PdfAsync(Guid certificateId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == certificateId, cancellationToken);
        if (certificate is null || await people.FindAsync(certificate.PersonId, cancellationToken) is not { } person
            || !await progressAccess.MayViewAsync(person, cancellationToken))
        {
            return Error.NotFound;
        }
        var english = certificate.Culture.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var content = new CertificateContent(
            english, certificate.PersonName, english ? certificate.StageNameEn : certificate.StageNameUk,
            english ? certificate.PathwayNameEn : certificate.PathwayNameUk, english ? certificate.IssuerNameEn : certificate.IssuerNameUk,
            certificate.IssuedOn, certificate.ValidUntil, certificate.Number, VerifyUrl(certificate.Number));
        return new ExportedFile(CertificatePdf.Render(content), $"certificate-{certificate.Number}.pdf", "application/pdf");
    }

    /// <summary>Revokes a certificate with a reason (recorded in the audit trail with the change); the holder is told.</summary>
    public async Task<Result> RevokeAsync(Guid certificateId, string? reason, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var certificate = await db.Certificates.FirstOrDefaultAsync(c => c.Id == certificateId, cancellationToken);
        if (certificate is null || progressAccess.Me is not { } me || await people.FindAsync(certificate.PersonId, cancellationToken) is not { } person
            || !await access.IsGrantedAsync(PathwaysPermissions.CertificatesRevoke, person.HomeUnitId, cancellationToken))
        {
            return Error.Forbidden;
        }
        if (certificate.Version != version)
        {
            return Error.Conflict;
        }
        var now = clock.GetUtcNow();
        var revoked = certificate.Revoke(reason, me, now);
        if (!revoked.Succeeded)
        {
            return revoked;
        }
        db.Entry(certificate).Property(c => c.Version).OriginalValue = version;
        db.Publish(new CertificateRevoked(certificate.Id, certificate.PersonId, certificate.Number), now);
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : Result.Success();
    }

    /// <summary>Anyone with the number: the holder's name, what was certified, the dates and whether it stands. Nothing else.</summary>
    public async Task<VerifiedCertificate?> VerifyAsync(string? number, CancellationToken cancellationToken = default)
    {
        var certificate = await FindAsync(number, cancellationToken);
        return certificate is null ? null
            : new VerifiedCertificate(
                certificate.Number, certificate.PersonName, certificate.PathwayName, certificate.StageName, certificate.IssuerName, certificate.IssuedOn,
                certificate.ValidUntil, certificate.StatusOn(Today));
    }

    /// <summary>The template and the stage a certificate was issued for, by the template's code and the stage's place; null where either is gone.</summary>
    private static async Task<(PathwayTemplate Template, PathwayStage Stage)?> StageOfAsync(PathwaysDbContext db, Certificate certificate, CancellationToken cancellationToken)
    {
        var template = await db.Templates.AsNoTracking().Include(t => t.Stages).FirstOrDefaultAsync(t => t.Code == certificate.TemplateCode, cancellationToken);
        return template?.Stages.FirstOrDefault(s => s.Position == certificate.Stage) is { } stage ? (template, stage) : null;
    }

    /// <summary>What renewal asks judged against the holder's professional development record and completed courses.</summary>
    private async Task<RenewalState> JudgeRenewalAsync(Certificate certificate, PathwayStage stage, CancellationToken cancellationToken)
    {
        var requirement = stage.Renewal;
        var today = Today;
        var hours = 0m;
        if (requirement.CpdHours is not null)
        {
            var (from, to) = CertificateRenewal.CpdYears(certificate, today);
            for (var year = from; year <= to; year++)
            {
                // The record answers for the years it keeps; a year it does not keep adds nothing.
                if (await development.ForPersonAsync(certificate.PersonId, year, cancellationToken) is { Succeeded: true, Value: { } record } && record.Year == year)
                {
                    hours += record.TotalHours;
                }
            }
        }
        var completions = requirement.CourseId is null ? [] : await learning.CompletionsAsync(certificate.PersonId, cancellationToken);
        var course = requirement.CourseId is { } courseId ? (await learning.FindCoursesAsync([courseId], cancellationToken)).FirstOrDefault() : null;
        var developmentLink = certificate.PersonId == progressAccess.Me ? "/pathways/development" : $"/pathways/people/{certificate.PersonId}/development";
        return CertificateRenewal.Judge(certificate, requirement, today, hours, completions, course, developmentLink);
    }

    /// <summary>The certificate with the number however it was typed, or null; it checks no permission.</summary>
    public async Task<Certificate?> FindAsync(string? number, CancellationToken cancellationToken = default)
    {
        if (Certificate.Normalise(number) is not { } normalised)
        {
            return null;
        }
        await using var db = dbFactory.CreateDbContext();
        return await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Number == normalised, cancellationToken);
    }
}
