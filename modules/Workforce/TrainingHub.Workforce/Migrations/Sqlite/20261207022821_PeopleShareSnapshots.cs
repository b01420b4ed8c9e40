using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Workforce.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class PeopleShareSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Certified",
                table: "Snapshots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CertifiedAsked",
                table: "Snapshots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProfileAsked",
                table: "Snapshots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProfileMet",
                table: "Snapshots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Supervised",
                table: "Snapshots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SupervisionAsked",
                table: "Snapshots",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Certified",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "CertifiedAsked",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "ProfileAsked",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "ProfileMet",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "Supervised",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "SupervisionAsked",
                table: "Snapshots");
        }
    }
}
