using Microsoft.Extensions.Localization;
using MudBlazor;
using TrainingHub.Pathways.Progression;
using TrainingHub.SharedKernel.Localization;

namespace TrainingHub.Pathways.Development;

/// <summary>Approving and declining an external training from a page, with the same words wherever it is done (made by the page).</summary>
internal sealed class TrainingDecisions(ExternalTrainings trainings, IDialogService dialogs, ISnackbar snackbar, IStringLocalizer<PathwaysResource> L)
{
    /// <summary>Approves and says how it went; true when something changed.</summary>
    public async Task<bool> ApproveAsync(TrainingLine training)
    {
        var result = await trainings.ApproveAsync(training.Id, training.Version);
        snackbar.Add(result.Failed(out var error) ? L.Text(error) : L["Training:Approved"], result.Succeeded ? Severity.Success : Severity.Error);
        return true;
    }

    /// <summary>Asks for the reason and declines; true when it was declined.</summary>
    public async Task<bool> DeclineAsync(TrainingLine training)
    {
        var parameters = new DialogParameters<ReasonDialog>
        {
            { d => d.Label, L["Training:DeclineReason"].Value }, { d => d.Help, L["Training:DeclineReasonHelp"].Value },
            { d => d.Action, L["Training:Decline"].Value }, { d => d.MaxLength, ExternalTraining.MaxReasonLength },
            { d => d.Submit, reason => trainings.DeclineAsync(training.Id, reason, training.Version) },
        };
        var dialog = await dialogs.ShowAsync<ReasonDialog>(L["Training:DeclineTitle", training.Title], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false })
        {
            return false;
        }
        snackbar.Add(L["Training:Declined"], Severity.Success);
        return true;
    }
}
