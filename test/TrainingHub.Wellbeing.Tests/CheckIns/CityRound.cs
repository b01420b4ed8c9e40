using Microsoft.EntityFrameworkCore;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Rounds;

namespace TrainingHub.Wellbeing.Tests.CheckIns;

/// <summary>A round of a monthly check-in of Zhytomyr city (the demo learner's and supervisor's unit) opened today by the job.</summary>
internal static class CityRound
{
    public static async Task<Guid> OpenAsync(ModuleTestHost host)
    {
        var city = (await host.Get<IOrganisationDirectory>().FindByKatottgAsync("UA18040470000082484"))!.Id;
        host.User.Holding(new PermissionGrant(WellbeingPermissions.SchedulesManage, null));
        await host.Get<Schedules>().SetAsync(new ScheduleInput { UnitId = city, NextOpensOn = host.Get<Schedules>().Today }, null);
        await host.Get<RoundRun>().RunAsync(CancellationToken.None);
        await using var db = host.Get<IDbContextFactory<WellbeingDbContext>>().CreateDbContext();
        return await db.Rounds.Select(r => r.Id).SingleAsync();
    }
}
