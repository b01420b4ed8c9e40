using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Progress;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Export;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Pathways.Certificates;

internal sealed record CertificateLine(
    Guid Id, string Number, string PathwayName, string StageName, DateOnly IssuedOn, DateOnly? ValidUntil, CertificateStatus Status, Guid Version);

/// <summary>A person's certificates, newest first, and whether the current user may revoke them.</summary>
internal sealed record PersonCertificates(Guid PersonId, IReadOnlyList<CertificateLine> Certificates, bool MayRevoke);

/// <summary>What the public verification page shows of a certificate, and nothing more.</summary>
internal sealed record VerifiedCertificate(
    string Number, string PersonName, string PathwayName, string StageName, string IssuerName, DateOnly IssuedOn, DateOnly? ValidUntil, CertificateStatus Status);

/// <summary>
/// People's certificates: listed and downloaded under the rules of their pathway page, revoked by coordinators over
/// the issuing unit, and checked by anyone who has a number.
/// </summary>
internal sealed class CertificateRegister(
    IDbContextFactory<PathwaysDbContext> dbFactory, ProgressAccess progressAccess, IAccessControl access, IPeopleLookup people, PublicLinks links,
    TimeProvider clock)
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
        var lines = certificates.OrderByDescending(c => c.IssuedAt)
            .Select(c => new CertificateLine(c.Id, c.Number, c.PathwayName, c.StageName, c.IssuedOn, c.ValidUntil, c.StatusOn(today), c.Version))
            .ToList();
        var mayRevoke = await access.IsGrantedAsync(PathwaysPermissions.CertificatesRevoke, person.HomeUnitId, cancellationToken);
        return new PersonCertificates(personId, lines, mayRevoke);
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
