using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Pathways.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class StageCpd : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CpdHoursPerYear",
                schema: "pathways",
                table: "Stages",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HoursPerCredit",
                schema: "pathways",
                table: "Qualifications",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CpdHoursPerYear",
                schema: "pathways",
                table: "Stages");

            migrationBuilder.DropColumn(
                name: "HoursPerCredit",
                schema: "pathways",
                table: "Qualifications");
        }
    }
}
