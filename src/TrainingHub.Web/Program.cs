using TrainingHub.Accounts;
using TrainingHub.Audit;
using TrainingHub.Competencies;
using TrainingHub.Learning;
using TrainingHub.Notifications;
using TrainingHub.Organisations;
using TrainingHub.Pathways;
using TrainingHub.SharedKernel.Hosting;
using TrainingHub.Supervision;
using TrainingHub.Wellbeing;
using TrainingHub.Workforce;
using TrainingHub.Web.Components;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();
// The audit trail comes first: its table must exist before the other modules start writing.
builder.AddModule<AuditModule>();
builder.AddModule<OrganisationsModule>();
builder.AddModule<AccountsModule>();
builder.AddModule<NotificationsModule>();
builder.AddModule<CompetenciesModule>();
builder.AddModule<LearningModule>();
builder.AddModule<SupervisionModule>();
builder.AddModule<WellbeingModule>();
builder.AddModule<WorkforceModule>();
builder.AddModule<PathwaysModule>();

var app = builder.Build();
await app.InitialiseModulesAsync();
app.UsePlatform();
app.MapModules<App>();
await app.RunAsync();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
