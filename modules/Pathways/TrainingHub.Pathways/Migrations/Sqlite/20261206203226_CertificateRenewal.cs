using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Pathways.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class CertificateRenewal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RenewalCourseId",
                table: "Stages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RenewalCpdHours",
                table: "Stages",
                type: "TEXT",
                precision: 7,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RenewedAt",
                table: "Certificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RenewedById",
                table: "Certificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RenewedWithId",
                table: "Certificates",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RenewalCourseId",
                table: "Stages");

            migrationBuilder.DropColumn(
                name: "RenewalCpdHours",
                table: "Stages");

            migrationBuilder.DropColumn(
                name: "RenewedAt",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "RenewedById",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "RenewedWithId",
                table: "Certificates");
        }
    }
}
